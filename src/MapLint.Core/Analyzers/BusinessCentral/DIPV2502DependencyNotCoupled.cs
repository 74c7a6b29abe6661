using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2502: a mapped field relates (TableRelation) to a table that another integration table mapping
/// synchronizes, but this mapping's Dependency Filter does not name that mapping, so a record can be coupled
/// before the record it depends on: the customer whose currency is not coupled. A field mapping with Clear
/// Value on Failed Sync is exempt: it says what to do when the dependency is missing (as the base
/// application does for a customer's primary contact).
/// </summary>
public sealed class DIPV2502DependencyNotCoupled : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2502",
        "Dependency not in the Dependency Filter",
        "Field '{0}' of '{1}' relates to table '{2}', which mapping '{3}' synchronizes, but mapping '{4}' does not name it in its Dependency Filter; add '{3}' so those records are coupled first (or set Clear Value on Failed Sync on this field mapping).",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        var app = context.App;
        foreach (var mapping in app.TableMappings)
        {
            var dependencies = new HashSet<string>(mapping.Dependencies.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var field in mapping.FieldMappings)
            {
                if (field.Field is not { } bc || field.ClearValueOnFailedSync is not null || !field.Enabled)
                {
                    continue;
                }

                foreach (var related in app.RelatedTables(bc))
                {
                    var others = app.MappingsOfTable(related).Where(n => !n.Equals(mapping.Key, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (others.Count > 0 && !others.Any(dependencies.Contains))
                    {
                        context.Report(Descriptor, bc.Location, bc.Field.Text, bc.Table, related, others[0], mapping.Name.Value);
                    }
                }
            }
        }
    });
}
