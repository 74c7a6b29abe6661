using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Sync;

/// <summary>
/// DIPV2203: two maps write the same table (their directions overlap there), so live sync can loop between
/// them or one overwrites the other. Reported on every writer but the first in name order.
/// </summary>
public sealed class DIPV2203TableWrittenByTwoMaps : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2203",
        "Table written by two maps",
        "Table '{0}' is also written by map '{1}' ({2}); two maps writing one table overwrite each other and can loop. Keep one map per table and direction.",
        RuleCategory.Sync);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override bool RequiresAllMaps => true;

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        foreach (var side in new[] { map.Source, map.Destination })
        {
            if (side.Entity.Length == 0 || !Writes(map, side))
            {
                continue;
            }

            var first = context.Model.MapsOfTable(map, side.App, side.Entity)
                .Where(other => Writes(other, SideOf(other, side)))
                .OrderBy(m => m.Name, StringComparer.Ordinal)
                .ThenBy(m => m.File.DisplayPath, StringComparer.Ordinal)
                .First();
            if (!ReferenceEquals(first, map))
            {
                context.Report(Descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", side.Entity, first.Name, first.File.DisplayPath);
            }
        }
    });

    private static MapSide SideOf(TableMap map, MapSide like) =>
        Apps.NameComparer.Equals(map.Source.App, like.App) && string.Equals(map.Source.Entity, like.Entity, StringComparison.OrdinalIgnoreCase) ? map.Source : map.Destination;

    private static bool Writes(TableMap map, MapSide side) => map.Writes(side.Role);
}
