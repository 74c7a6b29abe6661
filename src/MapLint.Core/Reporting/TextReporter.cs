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
            writer.Write(diagnostic.ToString());
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
            writer.Write("info: " + note + "\n");
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

    private static void WriteSource(TextWriter writer, Diagnostic diagnostic, Text.SourceText text)
    {
        var span = diagnostic.Location.LineSpan;
        string line = text.GetLineText(span.Start.Line - 1).Replace('\t', ' ');
        int column = Math.Min(span.Start.Column - 1, line.Length);
        int width = span.End.Line == span.Start.Line ? Math.Max(1, span.End.Column - span.Start.Column) : Math.Max(1, line.Length - column);
        width = Math.Min(width, Math.Max(1, line.Length - column));
        if (line.Length > 200)
        {
            // A long line (minified JSON: a whole Web API export) is shown as a window around the finding.
            int from = Math.Max(0, column - 60);
            int to = Math.Min(line.Length, column + Math.Min(width, 80) + 60);
            string head = from > 0 ? "…" : string.Empty;
            line = head + line[from..to] + (to < line.Length ? "…" : string.Empty);
            column = column - from + head.Length;
            width = Math.Min(width, Math.Max(1, to - (column - head.Length + from)));
        }

        string gutter = span.Start.Line.ToString(CultureInfo.InvariantCulture);
        writer.Write($"  {gutter} | {line}\n");
        writer.Write($"  {new string(' ', gutter.Length)} | {new string(' ', column)}^{new string('~', width - 1)}\n");
    }
}
