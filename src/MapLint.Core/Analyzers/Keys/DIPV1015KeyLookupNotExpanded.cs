using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Keys;

/// <summary>
/// DIPV1015: a lookup column that is part of the integration key is mapped without going through the key of the
/// table it points to (<c>lookup.keyField</c>), so the key cannot be resolved.
/// </summary>
public sealed class DIPV1015KeyLookupNotExpanded : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1015",
        "Key lookup is mapped without the referenced table's key",
        "Key field '{0}' is a lookup to '{1}' but is mapped as '{2}'; map it through the key of '{1}': {3}.",
        RuleCategory.IntegrationKey,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        foreach (var key in context.Model.GetKeyFields(map))
        {
            if (context.Model.GetEntity(key.Side)?.FindField(key.Name) is not { Type: FieldType.Lookup, Target: { } targetName }
                || context.Model.Metadata.FindEntity(key.Side.App, targetName) is not { Keys.Count: > 0 } target)
            {
                continue;
            }

            var targetKey = target.Keys[0];
            foreach (var mapping in key.Mappings)
            {
                var field = mapping.GetField(key.Side.Role)!;
                if (field.KeyColumnOfTarget is not { } keyColumn || !targetKey.Contains(keyColumn, StringComparer.OrdinalIgnoreCase))
                {
                    string expected = string.Join(", ", targetKey.Select(k => "'" + key.Name + "." + k + "'"));
                    context.Report(Descriptor, field, AnalysisContext.Properties(("replacement", key.Name + "." + targetKey[0])), key.Name, target.Name, field.Text, expected);
                }
            }
        }
    });
}
