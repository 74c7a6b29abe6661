using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Connections;

/// <summary>
/// DIPV1017: a lookup points at a company-specific table while no organization mapping exists. Only reported
/// on maps that are themselves global; on company-specific maps DIPV1016 already says it.
/// </summary>
public sealed class DIPV1017NoOrganizationMappingForLookup : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1017",
        "No organization mapping for a related entity",
        "Lookup '{0}' points to company-specific table '{1}' but connection set '{2}' maps no legal entity to a business unit; add an organization mapping.",
        RuleCategory.Organization,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        Check(context.FieldMapping.Source);
        Check(context.FieldMapping.Destination);

        // The lookup first: most mappings are not lookups, and the map-level questions cost more.
        void Check(FieldReference? reference)
        {
            var map = context.TableMap;
            if (reference is { IsLookup: true }
                && context.Model.Resolve(reference).TargetEntity is { CompanyScope: CompanyScope.Company } target
                && !OrganizationMappings.IsCompanySpecific(context.Model, map)
                && OrganizationMappings.SetWithoutMappings(context.Model, map) is { } set)
            {
                context.Report(Descriptor, reference, reference.Text, target.Name, set.Name);
            }
        }
    });
}
