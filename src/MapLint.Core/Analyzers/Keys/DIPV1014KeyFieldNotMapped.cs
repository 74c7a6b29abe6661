using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Semantics;

namespace MapLint.Analyzers.Keys;

/// <summary>DIPV1014: a field of the integration key has no mapping, so records cannot be matched.</summary>
public sealed class DIPV1014KeyFieldNotMapped : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1014",
        "Integration key field is not mapped",
        "Integration key field '{0}' of '{1}' is not mapped in map '{2}'; add a mapping for it so records can be matched.",
        RuleCategory.IntegrationKey);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        foreach (var key in context.Model.GetKeyFields(map))
        {
            if (key.Mappings.Count == 0)
            {
                var properties = Counterpart(context, key) is { } counterpart
                    ? AnalysisContext.Properties(("field", key.Name), ("side", key.Side.RoleName), ("counterpart", counterpart))
                    : AnalysisContext.Properties(("field", key.Name));
                context.Report(Descriptor, key.Span, key.JsonPath, properties, key.Name, key.Side.Entity, map.Name);
            }
        }
    });

    /// <summary>
    /// The field of the other side's entity that the key field would be mapped from, for the fix that adds the
    /// row: the one of the same name once a publisher prefix is dropped, as Microsoft's templates pair them
    /// (SYMBOL = msdyn_symbol, CONTACTPERSONID = msdyn_contactpersonid). None when the other side has no metadata,
    /// no such field, or already maps it.
    /// </summary>
    private static string? Counterpart(TableMapAnalysisContext context, IntegrationKeyField key)
    {
        var other = key.Side.Other;
        if (context.Model.GetEntity(other) is not { } entity)
        {
            return null;
        }

        string bare = WithoutPrefix(key.Name);
        var match = entity.FieldNames.Where(n => string.Equals(n, key.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(WithoutPrefix(n), bare, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault();
        bool mapped = match is not null && context.TableMap.Mappings.Any(m => m.GetField(other.Role) is { } field && string.Equals(field.Column, match, StringComparison.OrdinalIgnoreCase));
        return mapped ? null : match;
    }

    private static string WithoutPrefix(string name) => name.IndexOf('_') is var i && i > 0 && i < name.Length - 1 ? name.Substring(i + 1) : name;
}
