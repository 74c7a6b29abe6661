using MapLint.Analysis;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2510: one table mapping maps the same Business Central field, or the same integration field, twice.</summary>
public sealed class DIPV2510FieldMappedTwice : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2510",
        "Field mapped twice in one table mapping",
        "{0} field '{1}' of '{2}' is already mapped in table mapping '{3}' (line {4}); the two field mappings overwrite each other. Keep one.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var (name, _, _, fields) in BusinessCentralChecks.Groups(context.App))
        {
            Check(fields.Select(f => f.Field), "Business Central");
            Check(fields.Select(f => f.IntegrationField), "Integration");

            void Check(IEnumerable<FieldNoReference?> references, string side)
            {
                var first = new Dictionary<(string, string), FieldNoReference>(new PairComparer());
                foreach (var reference in references)
                {
                    if (reference is null)
                    {
                        continue;
                    }

                    var key = (reference.Table, reference.Field.Text);
                    if (first.TryGetValue(key, out var earlier))
                    {
                        if (earlier.Location != reference.Location)
                        {
                            context.Report(Descriptor, reference.Location, side, reference.Field.Text, reference.Table, name, earlier.Location.File.Text.GetLinePosition(earlier.Location.Span.Start).Line);
                        }
                    }
                    else
                    {
                        first[key] = reference;
                    }
                }
            }
        }
    });

    private sealed class PairComparer : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            (StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1) * 31) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2);
    }
}
