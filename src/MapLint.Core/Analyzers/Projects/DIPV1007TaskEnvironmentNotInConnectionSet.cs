using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;

namespace MapLint.Analyzers.Projects;

/// <summary>DIPV1007: a project task names an environment its connection set does not have.</summary>
public sealed class DIPV1007TaskEnvironmentNotInConnectionSet : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1007",
        "Task environment is not in the connection set",
        "Task '{0}' uses {1} environment '{2}', which connection set '{3}' does not define.{4}",
        RuleCategory.Project);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterProjectAction(context =>
    {
        if (context.Project.ConnectionSetName is not { } setName || context.Model.FindConnectionSet(setName.Value) is not { } set)
        {
            return;
        }

        foreach (var task in context.Project.Tasks)
        {
            Check(task.SourceEnvironment, "source");
            Check(task.DestinationEnvironment, "destination");

            void Check(NameReference? environment, string role)
            {
                if (environment is { } name && set.FindEnvironment(name.Value) is null)
                {
                    string hint = NameSuggester.Hint(NameSuggester.Suggest(name.Value, set.Environments.Select(e => e.Name)));
                    context.Report(Descriptor, name.Span, task.Syntax.Path + "." + role, task.Name, role, name.Value, set.Name, hint);
                }
            }
        }
    });
}
