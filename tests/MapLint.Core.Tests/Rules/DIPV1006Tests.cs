using MapLint.Analysis;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1006: an analyzer that throws on a connection set or project.</summary>
public class DIPV1006Tests
{
    [Fact]
    public void Fires_AnalyzerThrowsOnConnectionSet()
    {
        var analyzers = AnalyzerCatalog.BuiltIn.Append(new DIPV1001Tests.ThrowingAnalyzer(onMaps: false)).ToList();
        var diagnostics = RuleVerifier.Verify(
            false,
            analyzers,
            ("case/connection-set.json", Fixture.ConnectionSet.Replace("\"name\": \"Contoso\"", "\"name\": {|DIPV1006:\"Contoso\"|}", StringComparison.Ordinal)));

        string message = Assert.Single(diagnostics).Message;
        Assert.Matches(@"^Analyzer 'ThrowingAnalyzer' failed on this connection set \(InvalidOperationException in \S+\); the other rules still ran\. Please report this with the file\.$", message);
        Assert.DoesNotContain("boom", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_NoAnalyzerThrows() =>
        RuleVerifier.Verify(false, AnalyzerCatalog.BuiltIn, ("case/connection-set.json", Fixture.ConnectionSet));
}
