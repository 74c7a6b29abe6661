using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Sync;

/// <summary>DIPV2104: a value map leaves some enum or option-set values of the field it reads unmapped.</summary>
public sealed class DIPV2104IncompleteValueMap : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2104",
        "Value map does not cover every value",
        "The value map of {0} has no entry for {1} value(s) {2}; records holding them sync without a translated value. Add entries for them.",
        RuleCategory.Mapping,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        var mapping = context.FieldMapping;
        if (mapping.Transform is not { ValueMap: { } entries, ValueMapAnchor: { } syntax })
        {
            return;
        }

        if (mapping.Direction.FlowsToDestination() && mapping.Source is { } source)
        {
            Check(source, entries.Select(e => e.Source));
        }

        if (mapping.Direction.FlowsToSource() && mapping.Destination is { } destination)
        {
            Check(destination, entries.Select(e => e.Destination));
        }

        void Check(FieldReference from, IEnumerable<string> covered)
        {
            if (context.Model.Resolve(from).ValueField is not { IsChoice: true, Values: { Count: > 0 } values })
            {
                return;
            }

            var set = new HashSet<string>(covered, StringComparer.OrdinalIgnoreCase);
            var missing = values.Where(v => !set.Contains(v)).ToList();
            if (missing.Count > 0)
            {
                context.Report(Descriptor, syntax, mapping.Display, from.Text, Rule.Quote(missing));
            }
        }
    });
}
