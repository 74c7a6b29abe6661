using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>
/// DIPV1029: a value map lists the same source value twice (or, when it also runs backwards, the same
/// destination value twice), so the translation is ambiguous.
/// </summary>
public sealed class DIPV1029DuplicateValueMap : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1029",
        "Duplicate value map entry",
        "{0} value '{1}' appears in value map entries {2} and {3}; keep one entry per value.",
        RuleCategory.Mapping);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        var mapping = context.FieldMapping;
        if (mapping.Transform?.ValueMap is not { } entries)
        {
            return;
        }

        if (mapping.Direction.FlowsToDestination())
        {
            Check("Source", e => e.Source, "source");
        }

        if (mapping.Direction.FlowsToSource())
        {
            Check("Destination", e => e.Destination, "destination");
        }

        void Check(string side, Func<ValueMapEntry, string> value, string property)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < entries.Count; i++)
            {
                string v = value(entries[i]);
                if (first.TryGetValue(v, out int earlier))
                {
                    context.Report(Descriptor, property == "source" ? entries[i].SourceAnchor : entries[i].DestinationAnchor, side, v, earlier + 1, i + 1);
                }
                else
                {
                    first[v] = i;
                }
            }
        }
    });
}
