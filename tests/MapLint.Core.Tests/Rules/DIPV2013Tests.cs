using System.Text;
using MapLint.Diagnostics;

namespace MapLint.Tests.Rules;

/// <summary>DIPV2013: past the per-file cap of one rule, the rest is one summary finding with their count and severity.</summary>
public class DIPV2013Tests
{
    private static byte[] MapWithoutSources(int mappings)
    {
        var text = new StringBuilder("{ \"kind\": \"tableMap\", \"name\": \"Generated\", \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"CustomersV3\" }, \"destination\": { \"app\": \"dataverse\", \"entity\": \"account\" }, \"mappings\": [");
        for (int i = 0; i < mappings; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append("{ \"direction\": \"=\", \"destination\": \"f").Append(i).Append("\" }");
        }

        return Encoding.UTF8.GetBytes(text.Append("\n] }\n").ToString());
    }

    [Fact]
    public void Fires_PastTheCapOfARule()
    {
        int count = FindingsCap.PerRulePerFile + 250;
        var result = Linter.Run([("generated.json", MapWithoutSources(count))]);
        Assert.Equal(FindingsCap.PerRulePerFile, result.Diagnostics.Count(d => d.Id == "DIPV1021"));
        var summary = Assert.Single(result.Diagnostics, d => d.Id == "DIPV2013");
        Assert.Equal("...and 250 more of DIPV1021 in this file, not shown (MapLint shows the first 1,000 of a rule per file); fix those above and check again.", summary.Message);
        Assert.Equal(Severity.Error, summary.Severity); // it stands for errors: the exit code stays what it would be

        // The first ones by position are shown; the summary sits at the first one left out.
        var shown = result.Diagnostics.Where(d => d.Id == "DIPV1021").Max(d => d.Location.LineSpan.Start.Line);
        Assert.Equal(shown + 1, summary.Location.LineSpan.Start.Line);
    }

    [Fact]
    public void Silent_AtTheCap()
    {
        var result = Linter.Run([("generated.json", MapWithoutSources(FindingsCap.PerRulePerFile))]);
        Assert.Equal(FindingsCap.PerRulePerFile, result.Diagnostics.Count(d => d.Id == "DIPV1021"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "DIPV2013");
    }
}

/// <summary>
/// The cap bounds the work, not only the report: a capped bag creates no finding of a rule after the first 1,000
/// it holds (no message, redaction or line position); it keeps their spans and the first of them whole.
/// </summary>
public class DIPV2013WorkTests
{
    private static readonly DiagnosticDescriptor Rule = Analyzers.Mappings.DIPV1021MappingWithoutSourceField.Descriptor;

    [Fact]
    public void FindingsPastTheCapAreCountedNotCreated()
    {
        var text = new Text.SourceText(Encoding.UTF8.GetBytes(new string('x', 100_000)));
        var bag = new DiagnosticBag("map.json", text) { CapsFindings = true };
        for (int i = 0; i < 5_000; i++)
        {
            bag.Add(Rule, new Text.TextSpan(i * 10, i * 10 + 5), $"$.mappings[{i}]", "m", "d");
        }

        Assert.Equal(FindingsCap.PerRulePerFile, bag.Diagnostics.Count);
        var omitted = Assert.Single(bag.Omitted);
        Assert.Equal(4_000, omitted.Count);
        var first = Assert.Single(omitted.First());
        Assert.Equal(new Text.TextSpan(10_000, 10_005), first.Location.Span);
        Assert.Equal("$.mappings[1000]", first.JsonPath);
    }

    [Fact]
    public void AFindingBeforeOnesAlreadyHeldIsStillCreated()
    {
        // Reported out of order: the cap must still keep the first 1,000 by position, so an earlier one is created.
        var text = new Text.SourceText(Encoding.UTF8.GetBytes(new string('x', 100_000)));
        var bag = new DiagnosticBag("map.json", text) { CapsFindings = true };
        for (int i = 1; i <= 1_500; i++)
        {
            bag.Add(Rule, new Text.TextSpan(i * 10, i * 10 + 5), null, "m", "d");
        }

        bag.Add(Rule, new Text.TextSpan(0, 5), null, "m", "d");
        Assert.Equal(FindingsCap.PerRulePerFile + 1, bag.Diagnostics.Count);
        Assert.Equal(500, bag.Omitted.Sum(o => o.Count));
        var capped = FindingsCap.Apply([.. bag.Diagnostics], bag.Omitted.Select(o => new OmittedTally(o, Severity.Error)).ToList());
        Assert.Equal(0, capped.Where(d => d.Id == "DIPV1021").Min(d => d.Location.Span.Start));
        Assert.Contains("...and 501 more of DIPV1021", Assert.Single(capped, d => d.Id == "DIPV2013").Message, StringComparison.Ordinal);
    }
}
