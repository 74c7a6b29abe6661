using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Records;

/// <summary>
/// DIPV2404: a project document's validationIssues already list a DIPV code: the service validated the project and
/// found the problem. Reported at the map (the task) it names, with the service's code and message, so the static
/// check and the service agree even where MapLint's own rule for that code needs facts it does not have.
/// </summary>
public sealed class DIPV2404ServiceValidationIssue : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2404",
        "The service already reports a validation issue",
        "The service's own validation of this project reports {0}{1}: {2} Fix it as the rule page for {0} describes, then validate the project again.",
        RuleCategory.Project);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterProjectAction(context =>
    {
        foreach (var issue in context.Project.ServiceIssues)
        {
            var task = issue.TaskName is null ? null : context.Project.Tasks.FirstOrDefault(t => string.Equals(t.Name, issue.TaskName, StringComparison.OrdinalIgnoreCase));
            var at = task?.MapName?.Span ?? issue.Span;
            context.Report(
                Descriptor,
                at,
                null,
                System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("serviceCode", issue.Code),
                issue.Code,
                task is null ? string.Empty : $" for map '{task.Name}'",
                issue.Message.TrimEnd().EndsWith('.') ? issue.Message.Trim() : issue.Message.Trim() + ".");
        }
    });
}
