using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2025: include/exclude globs of maplint.json that leave folder walks nothing to check.</summary>
public class DIPV2025Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public DIPV2025Tests()
    {
        Directory.CreateDirectory(Path.Combine(folder, "maps"));
        File.WriteAllText(Path.Combine(folder, "maps", "map.json"), Infrastructure.Fixture.OneWayKeyMap);
    }

    public void Dispose() => Directory.Delete(folder, true);

    private ConfigLoadResult Load(string maplintJson)
    {
        File.WriteAllText(Path.Combine(folder, "maplint.json"), maplintJson);
        return ConfigLoader.Load(null, folder, folder)!;
    }

    [Fact]
    public void Fires_IncludeMatchingNoFile()
    {
        var finding = Assert.Single(Load("{\n  \"include\": [\"maps/*.json\", \"mpas/*.json\"]\n}\n").Diagnostics);
        Assert.Equal("DIPV2025", finding.Id);
        Assert.Equal(new Text.LinePosition(2, 30), finding.Location.LineSpan.Start);
        Assert.Equal("'mpas/*.json' in \"include\" matches no file, so folder walks check nothing through it. Fix the glob (it is relative to maplint.json) or remove it.", finding.Message);
    }

    [Fact]
    public void Fires_ExcludeLeavingOutEveryFileTheWalkFinds()
    {
        var loaded = Load("{\n  \"include\": [\"maps/*.json\"],\n  \"exclude\": [\"drafts/**\", \"maps/**\"]\n}\n");
        Assert.Empty(Workspace.FileDiscovery.Discover([folder], folder, loaded.Config).Files);
        var finding = Assert.Single(loaded.FilterLeftNothing([folder], folder));
        Assert.Equal(new Text.LinePosition(3, 28), finding.Location.LineSpan.Start);
        Assert.StartsWith("'maps/**' in \"exclude\" leaves out 1 of the 1 files under ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_IncludesMatchingNoneOfTheWalksFiles()
    {
        Directory.CreateDirectory(Path.Combine(folder, "other"));
        File.WriteAllText(Path.Combine(folder, "other", "map.json"), Infrastructure.Fixture.OneWayKeyMap);
        var loaded = Load("{ \"include\": [\"maps/*.json\"] }");
        var finding = Assert.Single(loaded.FilterLeftNothing([Path.Combine(folder, "other")], folder));
        Assert.StartsWith("'maps/*.json' in \"include\" matches none of the 1 files under ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_FiltersThatLeaveFiles()
    {
        var loaded = Load("{ \"include\": [\"maps/*.json\"], \"exclude\": [\"maps/drafts/**\"] }");
        Assert.Equal([], loaded.Diagnostics.Select(d => d.Message));
        Assert.Equal([], loaded.FilterLeftNothing([folder], folder).Select(d => d.Message));
    }
}
