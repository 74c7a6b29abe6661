using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>
/// DIPV1002: dual-write maps company-specific entities to company-specific tables and global to global; and it
/// does not support finance and operations entities with cross-company data sharing.
/// </summary>
public sealed class DIPV1002CompanyScopeMismatch : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1002", "Company-specific and cross-company entities are mixed", "{0}", RuleCategory.Organization, metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        var source = context.Model.GetEntity(map.Source);
        var destination = context.Model.GetEntity(map.Destination);
        if (source is not null && destination is not null && source.CompanyScope != destination.CompanyScope)
        {
            var (company, global) = source.CompanyScope == CompanyScope.Company ? (source, destination) : (destination, source);
            context.Report(Descriptor, map.Destination.EntitySpan, "$.destination.entity", $"'{company.Name}' is company-specific but '{global.Name}' is global; map company-specific entities to company-specific tables, global to global.");
        }

        if (map.FinanceAndOperationsSide is { } side && context.Model.GetEntity(side) is { CrossCompanyDataSharing: true } shared)
        {
            context.Report(Descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", $"Cross-company data sharing is enabled for '{shared.Name}', which dual-write does not support; turn sharing off for it or map another entity.");
        }
    });
}
