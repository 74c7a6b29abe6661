using MapLint.Model;
using MapLint.Semantics;

namespace MapLint.Analyzers.Connections;

/// <summary>Shared question of DIPV1016 and DIPV1017: does any connection set the map can run in map organizations?</summary>
internal static class OrganizationMappings
{
    /// <summary>The connection set to name in a message when none maps organizations; null when one does, or none exists.</summary>
    public static ConnectionSet? SetWithoutMappings(SemanticModel model, TableMap map)
    {
        var sets = model.ConnectionSetsFor(map);
        return sets.Count > 0 && sets.All(s => s.OrganizationMappings.Count == 0) ? sets[0] : null;
    }

    public static bool IsCompanySpecific(SemanticModel model, TableMap map) =>
        model.GetEntity(map.Source)?.CompanyScope == CompanyScope.Company || model.GetEntity(map.Destination)?.CompanyScope == CompanyScope.Company;
}
