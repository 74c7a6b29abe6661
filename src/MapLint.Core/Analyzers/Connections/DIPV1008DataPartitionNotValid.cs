using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;

namespace MapLint.Analyzers.Connections;

/// <summary>
/// DIPV1008: an organization mapping names a legal entity or business unit that metadata does not declare,
/// or maps the same one twice (which partition wins is then undefined).
/// </summary>
public sealed class DIPV1008DataPartitionNotValid : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1008", "Data partition is not valid", "{0}", RuleCategory.Organization);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterConnectionSetAction(context =>
    {
        var metadata = context.Model.Metadata;
        var seenLegalEntities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seenBusinessUnits = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in context.ConnectionSet.OrganizationMappings)
        {
            string path = mapping.Syntax.Path;
            if (mapping.LegalEntity is { } legalEntity)
            {
                if (metadata.DeclaresLegalEntities && !metadata.HasLegalEntity(legalEntity.Value))
                {
                    string hint = NameSuggester.Hint(NameSuggester.Suggest(legalEntity.Value, metadata.LegalEntities));
                    context.Report(Descriptor, legalEntity.Span, path + ".legalEntity", $"Legal entity '{legalEntity.Value}' does not exist in finance and operations metadata; it was deleted or renamed.{hint}");
                }
                else if (!seenLegalEntities.Add(legalEntity.Value))
                {
                    context.Report(Descriptor, legalEntity.Span, path + ".legalEntity", $"Legal entity '{legalEntity.Value}' is mapped more than once; keep one organization mapping per legal entity.");
                }
            }

            if (mapping.BusinessUnit is { } businessUnit)
            {
                if (metadata.DeclaresBusinessUnits && !metadata.HasBusinessUnit(businessUnit.Value))
                {
                    string hint = NameSuggester.Hint(NameSuggester.Suggest(businessUnit.Value, metadata.BusinessUnits));
                    context.Report(Descriptor, businessUnit.Span, path + ".businessUnit", $"Business unit '{businessUnit.Value}' does not exist in Dataverse metadata; it was deleted or renamed.{hint}");
                }
                else if (!seenBusinessUnits.Add(businessUnit.Value))
                {
                    context.Report(Descriptor, businessUnit.Span, path + ".businessUnit", $"Business unit '{businessUnit.Value}' is mapped more than once; keep one organization mapping per business unit.");
                }
            }
        }
    });
}
