using System.Globalization;
using MapLint.Diagnostics;

namespace MapLint.Reporting;

/// <summary>GitHub Actions workflow commands, so findings appear as annotations on the pull request.</summary>
public static class GitHubReporter
{
    public static void Write(LintResult result, TextWriter writer)
    {
        foreach (var d in result.Diagnostics.Where(d => !d.IsSuppressed))
        {
            string command = d.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var span = d.Location.LineSpan;
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"::{command} file={Property(d.Location.Path)},line={span.Start.Line},col={span.Start.Column},endLine={span.End.Line},endColumn={span.End.Column},title={Property(d.Id)}::{Data(d.Message)}\n"));
        }

        writer.Write(TextReporter.Summary(result) + "\n");
    }

    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
