using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Sync;

/// <summary>DIPV2105: the map has 10 or more lookups, which initial sync from Dataverse does not support.</summary>
public sealed class DIPV2105TooManyLookups : Analyzer
{
    /// <summary>The documented limit: maps with this many lookups or more cannot be initially synced from Dataverse.</summary>
    public const int Limit = 10;

    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2105",
        "Too many lookups for initial sync",
        "Map '{0}' has {1} lookups; initial sync from Dataverse does not support maps with 10 or more. Split the map, or run the initial sync from finance and operations.",
        RuleCategory.Sync);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        // Distinct lookup columns per side, ignoring case.
        var sourceLookups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var destinationLookups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in map.Mappings)
        {
            if (mapping.Source is { IsLookup: true } source)
            {
                sourceLookups.Add(source.Column);
            }

            if (mapping.Destination is { IsLookup: true } destination)
            {
                destinationLookups.Add(destination.Column);
            }
        }

        int lookups = sourceLookups.Count + destinationLookups.Count;
        if (lookups >= Limit)
        {
            context.Report(Descriptor, map.Anchor, "$.name", map.Name, lookups);
        }
    });
}
