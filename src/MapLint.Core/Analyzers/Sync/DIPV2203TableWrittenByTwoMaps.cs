using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Sync;

/// <summary>
/// DIPV2203: two maps write the same rows and columns of one table, so live sync can loop between them or one
/// overwrites the other. Maps whose filters select disjoint rows, or that share only key columns (a vertical
/// split), do not collide. Reported on every writer that has an earlier one (in name order) it collides with.
/// </summary>
public sealed class DIPV2203TableWrittenByTwoMaps : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2203",
        "Table written by two maps",
        "Table '{0}' is also written by map '{1}' ({2}): both write '{3}' for rows both filters let through, so the maps overwrite each other and can loop. Split the rows with filters, or the columns between the maps.",
        RuleCategory.Sync);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override bool RequiresAllMaps => true;

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        foreach (var side in new[] { map.Source, map.Destination })
        {
            if (context.Model.TableWriters.OverlapOf(map, side.Role) is { } overlap)
            {
                context.Report(Descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", side.Entity, overlap.Other.Name, overlap.Other.File.DisplayPath, overlap.Column);
            }
        }
    });
}
