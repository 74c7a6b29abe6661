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
            writer.Write(string.Format(
                CultureInfo.InvariantCulture,
                "::{0} file={1},line={2},col={3},endLine={4},endColumn={5},title={6}::{7}\n",
                command,
                Property(d.Location.Path),
                span.Start.Line,
                span.Start.Column,
                span.End.Line,
                span.End.Column,
                Property(d.Id),
                Data(d.Message)));
        }

        // Run notes (rules skipped for lack of metadata) as notices, so the run says on the summary what it did not check.
        foreach (var note in result.Notes)
        {
            writer.Write("::notice title=MapLint::" + Data(note) + "\n");
        }

        writer.Write(TextReporter.Summary(result) + "\n");
    }

    // Workflow-command escaping (%, CR, LF), then the shared escaping of every other control character.
    private static string Data(string text) =>
        OutputText.Line(Secrets.Credentials.Redact(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"));

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
