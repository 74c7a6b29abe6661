using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1001 (and DIPV1006): an analyzer that throws is reported, and the others still run.</summary>
public class DIPV1001Tests
{
    [Fact]
    public void Fires_AnalyzerThrowsOnTableMap()
    {
        var analyzers = AnalyzerCatalog.BuiltIn.Append(new ThrowingAnalyzer(onMaps: true)).ToList();
        var diagnostics = RuleVerifier.Verify(
            true,
            analyzers,
            ("case/map.json", Fixture.CustomersMap.Replace("\"name\": \"Customers\"", "\"name\": {|DIPV1001:\"Customers\"|}", StringComparison.Ordinal)
                .Replace("\"accountnumber\"", "{|DIPV1004:\"accountnumber\"|}", StringComparison.Ordinal).Replace("\"direction\": \"=\", \"destination\": {|DIPV1004", "\"direction\": \">\", \"destination\": {|DIPV1004", StringComparison.Ordinal)));

        var failure = Assert.Single(diagnostics, d => d.Id == "DIPV1001");
        // The exception's text ("boom") never reaches the message: it may quote the document.
        Assert.Matches(@"^Analyzer 'ThrowingAnalyzer' failed on this table map \(InvalidOperationException in \S+\); the other rules still ran\. Please report this with the file\.$", failure.Message);
        Assert.DoesNotContain("boom", failure.Message, StringComparison.Ordinal);
        Assert.Single(diagnostics, d => d.Id == "DIPV1004");
    }

    [Fact]
    public void Silent_NoAnalyzerThrows() =>
        RuleVerifier.Verify(true, AnalyzerCatalog.BuiltIn, ("case/map.json", Fixture.CustomersMap));

    internal sealed class ThrowingAnalyzer(bool onMaps) : Analyzer
    {
        private static readonly DiagnosticDescriptor Never = DiagnosticDescriptor.Create("TEST0001", "never", "never", RuleCategory.Internal, Severity.Error);

        public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisRegistration registration)
        {
            if (onMaps)
            {
                registration.RegisterTableMapAction(context =>
                {
                    if (context.TableMap.Name == "Customers")
                    {
                        throw new InvalidOperationException("boom");
                    }
                });
            }
            else
            {
                registration.RegisterConnectionSetAction(_ => throw new InvalidOperationException("boom"));
            }
        }
    }
}
