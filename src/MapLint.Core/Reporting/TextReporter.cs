using System.Globalization;
using MapLint.Diagnostics;

namespace MapLint.Reporting;

/// <summary>
/// The canonical form MSBuild, VS Code problem matchers and Azure DevOps parse:
/// <c>path(line,col): error DIPV1004: message</c>, optionally followed by the source line and a caret
/// under the span, and a summary line.
/// </summary>
public static class TextReporter
{
    public static void Write(LintResult result, TextWriter writer, bool showSource)
    {
        foreach (var diagnostic in result.Diagnostics.Where(d => !d.IsSuppressed))
        {
            writer.Write(OutputText.WholeLine(diagnostic.ToString()));
            writer.Write('\n');
            if (diagnostic.Properties.TryGetValue("map", out var map))
            {
                // A service record's finding: one line of minified JSON can hold a whole map, so say which.
                // The names are the user's: made safe like every line the reporter did not write itself.
                string context = diagnostic.Properties.TryGetValue("fieldMapping", out var mapping) ? $"  in map '{map}', field mapping {mapping}" : $"  in map '{map}'";
                writer.Write(OutputText.WholeLine(context) + "\n");
            }

            if (showSource && diagnostic.Location.Text is { } text)
            {
                WriteSource(writer, diagnostic, text);
            }
        }

        foreach (var note in result.Notes)
        {
            writer.Write(OutputText.WholeLine("info: " + note) + "\n");
        }

        writer.Write(Summary(result) + "\n");
    }

    public static string Summary(LintResult result)
    {
        int errors = result.Count(Severity.Error);
        int warnings = result.Count(Severity.Warning);
        int infos = result.Count(Severity.Info);
        string summary = $"{Plural(errors, "error")}, {Plural(warnings, "warning")}";
        if (infos > 0)
        {
            summary += ", " + Plural(infos, "info message");
        }

        summary += " in " + Plural(result.FileCount, "file");
        return result.SuppressedCount > 0 ? summary + $" ({result.SuppressedCount.ToString(CultureInfo.InvariantCulture)} suppressed)" : summary;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private const int MaxSourceLineBytes = 4 * 200;

    private static void WriteSource(TextWriter writer, Diagnostic diagnostic, Text.SourceText text)
    {
        var span = diagnostic.Location.LineSpan;

        // Long lines (minified files: a whole Web API export is one line) are looked at by length first and shown
        // as a window of bytes around the finding, so a finding costs nothing per byte of its line, and a million
        // findings on one line stay linear.
        if (text.GetLineByteLength(span.Start.Line - 1) > MaxSourceLineBytes)
        {
            WriteWindow(writer, diagnostic, text);
            return;
        }

        string source = text.GetLineText(span.Start.Line - 1).Replace('\t', ' ');
        int start = span.Start.Column - 1;
        int end = span.End.Line == span.Start.Line ? span.End.Column - 1 : source.Length;
        (string line, start, end) = Secrets.Credentials.Masked(source, 0, source.Length, Secrets.Credentials.InSource(source), start, end);
        if (line.Length > 200)
        {
            WriteWindow(writer, diagnostic, text);
            return;
        }

        Write(writer, span.Start.Line, line, start, end);
    }

    /// <summary>The source line (credentials masked) and a caret under [start, end), both escaped as every output is.</summary>
    private static void Write(TextWriter writer, int lineNumber, string line, int start, int end)
    {
        // Escaped whole, so that no sequence a CI log acts on is formed across the caret; the caret moves by
        // what escaping added before it.
        string shown = OutputText.Line(line);
        int column = Math.Min(OutputText.Line(line[..start]).Length, shown.Length);
        int width = Math.Max(1, Math.Min(OutputText.Line(line[start..end]).Length, shown.Length - column));
        string gutter = lineNumber.ToString(CultureInfo.InvariantCulture);
        writer.Write($"  {gutter} | {shown}\n");
        writer.Write($"  {new string(' ', gutter.Length)} | {new string(' ', column)}^{new string('~', width - 1)}\n");
    }

    /// <summary>About 60 characters either side of the finding, read from its bytes alone, with '…' where the line goes on.</summary>
    private static void WriteWindow(TextWriter writer, Diagnostic diagnostic, Text.SourceText text)
    {
        var bytes = diagnostic.Location.Span;
        int lineIndex = diagnostic.Location.LineSpan.Start.Line - 1;
        int lineStart = text.GetLineStart(lineIndex);
        int lineEnd = lineStart + text.GetLineByteLength(lineIndex);
        var utf8 = text.Utf8;

        // The window shows the line's text, not its line break.
        while (lineEnd > lineStart && (utf8[lineEnd - 1] == (byte)'\n' || utf8[lineEnd - 1] == (byte)'\r'))
        {
            lineEnd--;
        }
        int start = Math.Clamp(bytes.Start, lineStart, lineEnd);
        int end = Math.Clamp(Math.Min(bytes.End, start + 240), start, lineEnd);
        int from = Math.Max(lineStart, start - 60);
        int to = Math.Min(lineEnd, end + 60);
        while (from > lineStart && (utf8[from] & 0xC0) == 0x80)
        {
            from--;
        }

        while (to < lineEnd && (utf8[to] & 0xC0) == 0x80)
        {
            to++;
        }

        // Credentials are found in a wider stretch than is shown, so that a window starting inside one (after its
        // name, or inside its value) still masks it.
        int wideFrom = Align(utf8, lineStart, Math.Max(lineStart, from - Context));
        int wideTo = Align(utf8, lineStart, Math.Min(lineEnd, to + Context));
        string lead = text.GetText(new Text.TextSpan(wideFrom, from));
        string before = text.GetText(new Text.TextSpan(from, start));
        string marked = text.GetText(new Text.TextSpan(start, end));
        string after = text.GetText(new Text.TextSpan(end, to));
        string wide = (lead + before + marked + after + text.GetText(new Text.TextSpan(to, wideTo))).Replace('\t', ' ');
        int markStart = lead.Length + before.Length;
        int markEnd = markStart + marked.Length;
        (string window, markStart, markEnd) = Secrets.Credentials.Masked(wide, lead.Length, markEnd + after.Length, Secrets.Credentials.InSource(wide), markStart, markEnd);
        string head = from > lineStart ? "…" : string.Empty;
        Write(writer, diagnostic.Location.LineSpan.Start.Line, head + window + (to < lineEnd ? "…" : string.Empty), head.Length + markStart, head.Length + markEnd);
    }

    private const int Context = 256;

    /// <summary>A byte offset moved back to the start of its UTF-8 character.</summary>
    private static int Align(ReadOnlySpan<byte> utf8, int lineStart, int at)
    {
        while (at > lineStart && at < utf8.Length && (utf8[at] & 0xC0) == 0x80)
        {
            at--;
        }

        return at;
    }
}
