using System.Text;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Configuration;

public class BaselineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-baseline-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private static readonly string OneWayKeyMap = Fixture.OneWayKeyMap;

    private LintResult Check(string map)
    {
        File.WriteAllText(Path.Combine(folder, "map.json"), map);
        foreach (var (path, text) in Fixture.Documents)
        {
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(path)), text);
        }

        return Linter.Run(FileDiscovery.Discover([folder], folder).Files);
    }

    [Fact]
    public void RoundTripSurvivesUnrelatedEditsAndDropsFixedFindings()
    {
        string path = Path.Combine(folder, "maplint.baseline.json");
        var first = Check(OneWayKeyMap);
        Assert.Equal("DIPV1004", Assert.Single(first.Diagnostics).Id);
        Baseline.Write(path, first.Diagnostics, folder);
        string written = File.ReadAllText(path);
        Assert.Contains("\"location\": \"tableMap:Customers/mapping:CUSTOMERACCOUNT|accountnumber\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("line", written, StringComparison.OrdinalIgnoreCase);

        // An unrelated mapping inserted above moves the finding two lines down: the baseline still covers it.
        string edited = OneWayKeyMap.Replace("\"mappings\": [", "\"mappings\": [\n    { \"source\": \"NAMEALIAS\", \"direction\": \"=\", \"destination\": \"nickname\" },\n", StringComparison.Ordinal);
        var second = Check(edited);
        Assert.NotEqual(first.Diagnostics[0].Location.LineSpan.Start.Line, second.Diagnostics[0].Location.LineSpan.Start.Line);
        var (baseline, error) = Baseline.Load(path);
        Assert.Null(error);
        Assert.Empty(baseline!.NewFindings(second.Diagnostics, folder));

        // A new finding of another rule is reported.
        var third = Check(edited.Replace("\"nickname\" }", "\"nicknam\" }", StringComparison.Ordinal));
        Assert.Equal("DIPV1025", Assert.Single(baseline.NewFindings(third.Diagnostics, folder)).Id);

        // Fixed: the update drops the entry.
        Baseline.Write(path, Check(Fixture.CustomersMap).Diagnostics, folder);
        Assert.Equal(0, Baseline.Load(path).Baseline!.EntryCount);
    }

    [Fact]
    public void MalformedBaselineIsAnErrorNotACrash()
    {
        string path = Path.Combine(folder, "bad.json");
        File.WriteAllText(path, "{ \"entries\": 3 }");
        var (baseline, error) = Baseline.Load(path);
        Assert.Null(baseline);
        Assert.StartsWith("cannot read baseline", error, StringComparison.Ordinal);
    }
}
