using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Connections;

/// <summary>DIPV1016: a company-specific map, but its connection set maps no legal entity to a business unit.</summary>
public sealed class DIPV1016NoOrganizationMapping : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1016",
        "No organization mapping for the destination entity",
        "Map '{0}' syncs company-specific data but connection set '{1}' maps no legal entity to a business unit; add an organization mapping.",
        RuleCategory.Organization,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        if (OrganizationMappings.IsCompanySpecific(context.Model, map) && OrganizationMappings.SetWithoutMappings(context.Model, map) is { } set)
        {
            context.Report(Descriptor, map.Anchor, "$.name", map.Name, set.Name);
        }
    });
}
