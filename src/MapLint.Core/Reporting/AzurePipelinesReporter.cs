using System.Globalization;
using MapLint.Diagnostics;

namespace MapLint.Reporting;

/// <summary>
/// Azure Pipelines logging commands: each error or warning as <c>##vso[task.logissue …]</c>, which a
/// <c>script:</c> step needs for its findings to appear on the run's summary and in the pull request. The agent
/// has no issue type below warning, so info findings and the run's notes are plain lines.
/// </summary>
public static class AzurePipelinesReporter
{
    public static void Write(LintResult result, TextWriter writer)
    {
        foreach (var d in result.Diagnostics.Where(d => !d.IsSuppressed))
        {
            if (d.Severity is Severity.Error or Severity.Warning)
            {
                var start = d.Location.LineSpan.Start;
                writer.Write(string.Format(
                    CultureInfo.InvariantCulture,
                    "##vso[task.logissue type={0};sourcepath={1};linenumber={2};columnnumber={3};code={4};]{5}\n",
                    d.Severity == Severity.Error ? "error" : "warning",
                    Property(d.Location.Path),
                    start.Line,
                    start.Column,
                    Property(d.Id),
                    Data(d.Message)));
            }
            else
            {
                writer.Write(Data(d.ToString()) + "\n");
            }
        }

        foreach (var note in result.Notes)
        {
            writer.Write("info: " + Data(note) + "\n");
        }

        writer.Write(TextReporter.Summary(result) + "\n");
    }

    // The agent's escapes (azure-pipelines-task-lib): '%' as %AZP25, line breaks; in properties also ';' and ']'.
    // Then the shared escaping, as the GitHub format does: every other control character (an ESC reached the
    // terminal, fuzzing found), and '##vso[' inside a message broken up, since the agent acts on it mid-line.
    private static string Data(string text) =>
        OutputText.Line(text.Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A"));

    private static string Property(string text) =>
        Data(text).Replace(";", "%3B").Replace("]", "%5D");
}
