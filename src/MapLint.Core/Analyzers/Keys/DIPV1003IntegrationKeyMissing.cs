using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Keys;

/// <summary>DIPV1003: the Dataverse table has no integration (alternate) key and the map declares none.</summary>
public sealed class DIPV1003IntegrationKeyMissing : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1003",
        "Integration key is missing",
        "Dataverse table '{0}' has no integration key, and map '{1}' declares none; define an alternate key on the table or add 'integrationKey' to the map.",
        RuleCategory.IntegrationKey,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        var side = map.KeySide;
        if (side.IsDataverse && map.IntegrationKey is null && context.Model.GetEntity(side) is { Keys.Count: 0 } entity)
        {
            context.Report(Descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", entity.Name, map.Name);
        }
    });
}
