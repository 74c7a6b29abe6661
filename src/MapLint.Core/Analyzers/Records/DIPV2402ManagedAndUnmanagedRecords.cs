using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Records;

/// <summary>
/// DIPV2402: the records of one map mix managed and unmanaged layers: a map that came in a managed solution was
/// then edited in place. In a downstream environment that edit is the finding; the next solution import
/// overwrites it, or it hides the version the solution brought.
/// </summary>
public sealed class DIPV2402ManagedAndUnmanagedRecords : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2402",
        "Map mixes managed and unmanaged records",
        "Map '{0}' has managed records (from a solution) and this unmanaged one{1}: the map was edited in place after it was imported. Make the change in the source environment and transport it in the solution, or remove the unmanaged layer.",
        RuleCategory.Document);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        if (context.TableMap.Records is not { } records)
        {
            return;
        }

        var all = records.All.ToList();
        if (!all.Any(r => r.IsManaged == true))
        {
            return;
        }

        foreach (var record in all.Where(r => r.IsManaged == false).OrderBy(r => r.Span.Start))
        {
            context.Report(Descriptor, record.ManagedSpan, null, records.Checked.Name.Value, record.Version is { } v ? $" (version {v.Value})" : string.Empty);
        }
    });
}
