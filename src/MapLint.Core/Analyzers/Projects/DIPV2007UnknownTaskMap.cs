using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;

namespace MapLint.Analyzers.Projects;

/// <summary>DIPV2007: a project task runs a table map that no document in the workspace defines.</summary>
public sealed class DIPV2007UnknownTaskMap : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2007",
        "Task runs a map that does not exist",
        "Task '{0}' runs map '{1}', which no tableMap in the checked paths defines.{2}",
        RuleCategory.Project);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterProjectAction(context =>
    {
        foreach (var task in context.Project.Tasks)
        {
            if (task.MapName is { } map && context.Model.FindTableMap(map.Value) is null)
            {
                string hint = NameSuggester.Hint(NameSuggester.Suggest(map.Value, context.Model.TableMaps.Select(m => m.Name)));
                context.Report(Descriptor, map.Span, task.Syntax.Path + ".map", task.Name, map.Value, hint);
            }
        }
    });
}
