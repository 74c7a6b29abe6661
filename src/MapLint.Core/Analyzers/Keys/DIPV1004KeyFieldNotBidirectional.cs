using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Keys;

/// <summary>
/// DIPV1004: the map syncs both ways (some mapping is = or &gt;&lt;) but an integration key field is mapped one
/// way only, so live sync cannot find the record on one side.
/// </summary>
public sealed class DIPV1004KeyFieldNotBidirectional : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1004",
        "Integration key field is not mapped both ways",
        "Key field '{0}' is mapped one way ('{1}') but map '{2}' syncs both ways; map it with '=' so live sync can find the record on either side.",
        RuleCategory.IntegrationKey);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        if (!map.HasBidirectionalMapping)
        {
            return;
        }

        foreach (var key in context.Model.GetKeyFields(map))
        {
            if (key.Mappings.Count > 0 && !key.Mappings.Any(m => m.Direction.IsBidirectional()))
            {
                var mapping = key.Mappings[0];
                var field = mapping.GetField(key.Side.Role)!;
                context.Report(Descriptor, field, AnalysisContext.Properties(("direction", "=")), key.Name, mapping.Direction.Symbol(), map.Name);
            }
        }
    });
}
