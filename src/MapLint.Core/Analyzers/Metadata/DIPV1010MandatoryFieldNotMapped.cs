using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>
/// DIPV1010: a required field of a side the map writes into has no mapping, so creating records there fails.
/// Both sides are checked when the map writes both ways; the company field is filled by dual-write.
/// </summary>
public sealed class DIPV1010MandatoryFieldNotMapped : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1010",
        "Mandatory destination field is not mapped",
        "Required field '{0}' of {1} entity '{2}' is not mapped; records written there will be rejected. Add a mapping into it, or a default value.",
        RuleCategory.Mapping,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        foreach (var side in new[] { map.Destination, map.Source })
        {
            if (!map.Mappings.Any(m => m.Direction.FlowsInto(side.Role)) || context.Model.GetEntity(side) is not { } entity)
            {
                continue;
            }

            // Most tables have no mandatory writable field: the mapped columns are gathered only for those that do.
            var mandatory = entity.Fields.Where(f => f.Required && !f.ReadOnly && !entity.IsCompanyField(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            if (mandatory.Count == 0)
            {
                continue;
            }

            var mapped = new HashSet<string>(map.Mappings.Where(m => m.Direction.FlowsInto(side.Role)).Select(m => m.GetField(side.Role)?.Column).OfType<string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var field in mandatory)
            {
                if (!mapped.Contains(field.Name))
                {
                    context.Report(Descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", AnalysisContext.Properties(("field", field.Name)), field.Name, Apps.DisplayName(entity.App), entity.Name);
                }
            }
        }
    });
}
