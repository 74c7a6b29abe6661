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
                writer.Write(diagnostic.Properties.TryGetValue("fieldMapping", out var mapping) ? $"  in map '{map}', field mapping {mapping}\n" : $"  in map '{map}'\n");
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

        string line = OutputText.Line(Secrets.Credentials.RedactSourceLine(text.GetLineText(span.Start.Line - 1).Replace('\t', ' ')));
        if (line.Length > 200)
        {
            WriteWindow(writer, diagnostic, text);
            return;
        }

        int column = Math.Min(span.Start.Column - 1, line.Length);
        int width = span.End.Line == span.Start.Line ? Math.Max(1, span.End.Column - span.Start.Column) : Math.Max(1, line.Length - column);
        width = Math.Min(width, Math.Max(1, line.Length - column));
        string gutter = span.Start.Line.ToString(CultureInfo.InvariantCulture);
        writer.Write($"  {gutter} | {line}\n");
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

        string head = from > lineStart ? "…" : string.Empty;
        string before = text.GetText(new Text.TextSpan(from, start)).Replace('\t', ' ');
        string marked = text.GetText(new Text.TextSpan(start, end)).Replace('\t', ' ');
        string after = text.GetText(new Text.TextSpan(end, to)).Replace('\t', ' ');
        string line = OutputText.Line(Secrets.Credentials.RedactSourceLine(head + before + marked + after + (to < lineEnd ? "…" : string.Empty)));
        int column = Math.Min(head.Length + before.Length, line.Length);
        int width = Math.Max(1, Math.Min(marked.Length, line.Length - column));
        string gutter = diagnostic.Location.LineSpan.Start.Line.ToString(CultureInfo.InvariantCulture);
        writer.Write($"  {gutter} | {line}\n");
        writer.Write($"  {new string(' ', gutter.Length)} | {new string(' ', column)}^{new string('~', width - 1)}\n");
    }
}
