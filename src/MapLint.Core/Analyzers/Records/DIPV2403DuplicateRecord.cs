using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Records;

/// <summary>
/// DIPV2403: two records share a map name and a version. The service identifies a saved version by the pair, so
/// which of the two an apply or an import takes is undefined; usually a copy was pasted into the export or two
/// solutions carry the same version with different content.
/// </summary>
public sealed class DIPV2403DuplicateRecord : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2403",
        "Two records of the same map and version",
        "Another record of map '{0}' also has version {1}; the service cannot tell them apart. Give one of them a new version number or remove it.",
        RuleCategory.Document);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        if (context.TableMap.Records is not { } records)
        {
            return;
        }

        foreach (var group in records.All.Where(r => r.Version is not null).GroupBy(r => r.Version!.Value.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.OrderBy(r => r.Span.Start).Skip(1))
            {
                context.Report(Descriptor, duplicate.Version!.Value.Span, null, records.Checked.Name.Value, group.Key);
            }
        }
    });
}
