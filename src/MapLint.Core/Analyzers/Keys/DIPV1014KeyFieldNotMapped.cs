using MapLint.Analysis;
using MapLint.Diagnostics;

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
                context.Report(Descriptor, key.Span, key.JsonPath, AnalysisContext.Properties(("field", key.Name)), key.Name, key.Side.Entity, map.Name);
            }
        }
    });
}
