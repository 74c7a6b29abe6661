using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Connections;

/// <summary>
/// The legal entities a connection set links, each once (case-insensitive), in file order: what dual-write's run
/// limits count. A legal entity mapped to two business units is one legal entity (DIPV1008 reports the repeat).
/// </summary>
internal static class LegalEntityLimits
{
    /// <summary>
    /// Dual-write's limits, from "System requirements for dual-write" (MicrosoftDocs/dynamics-365-unified-operations-public,
    /// articles/fin-ops-core/dev-itpro/data-entities/dual-write/dual-write-system-req.md, commit 1614f6ef2f87).
    /// </summary>
    public const int InitialSync = 40;

    public const int LiveSync = 250;

    public static List<(NameReference LegalEntity, OrganizationMapping Mapping)> Distinct(ConnectionSet set)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<(NameReference, OrganizationMapping)>();
        foreach (var mapping in set.OrganizationMappings)
        {
            if (mapping.LegalEntity is { Value.Length: > 0 } legalEntity && seen.Add(legalEntity.Value))
            {
                result.Add((legalEntity, mapping));
            }
        }

        return result;
    }

    /// <summary>
    /// Reports at the first legal entity over <paramref name="limit"/>, so the finding points where the set stops being
    /// supported; not when the set is also over <paramref name="upTo"/> (the stricter limit's own rule reports it).
    /// </summary>
    public static void Check(ConnectionSetAnalysisContext context, DiagnosticDescriptor descriptor, int limit, int upTo = int.MaxValue)
    {
        var legalEntities = Distinct(context.ConnectionSet);
        if (legalEntities.Count <= limit || legalEntities.Count > upTo)
        {
            return;
        }

        var (first, owner) = legalEntities[limit];
        context.Report(descriptor, first.Span, owner.Syntax.Path + ".legalEntity", context.ConnectionSet.Name, legalEntities.Count, limit, first.Value);
    }
}
