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
