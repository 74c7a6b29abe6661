using MapLint.Model;
using MapLint.Semantics;
using MapLint.Text;

namespace MapLint.Analyzers.Keys;

/// <summary>A field of a map's integration key and the mappings that touch it on the key side.</summary>
internal sealed record KeyField(string Name, TextSpan Span, string JsonPath, IReadOnlyList<FieldMapping> Mappings, MapSide Side);

internal static class KeyFields
{
    /// <summary>
    /// The key fields the map must map. The company field of a company-specific table is left out: dual-write
    /// fills it from the organization mapping.
    /// </summary>
    public static IReadOnlyList<KeyField> Of(SemanticModel model, TableMap map)
    {
        if (model.GetIntegrationKey(map) is not { } key)
        {
            return [];
        }

        var result = new List<KeyField>();
        for (int i = 0; i < key.Fields.Count; i++)
        {
            string name = key.Fields[i];
            if (key.Entity?.IsCompanyField(name) == true && key.Entity.CompanyScope == CompanyScope.Company)
            {
                continue;
            }

            var (span, path) = key.FromMap
                ? (map.IntegrationKey![i].Span, $"$.integrationKey[{i}]")
                : (key.Side.EntitySpan, $"$.{key.Side.RoleName}.entity");
            var mappings = map.Mappings
                .Where(m => m.GetField(key.Side.Role) is { } f && string.Equals(f.Column, name, StringComparison.OrdinalIgnoreCase))
                .ToList();
            result.Add(new KeyField(name, span, path, mappings, key.Side));
        }

        return result;
    }
}
