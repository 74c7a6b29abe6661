using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2020: a "metadata" entry of maplint.json that matches no file.</summary>
public class DIPV2020Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void Fires_GlobAndPathMatchingNothing()
    {
        Directory.CreateDirectory(Path.Combine(folder, "metadata"));
        File.WriteAllText(Path.Combine(folder, "metadata", "dataverse.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "maplint.json"), "{\n  \"metadata\": [\"metadata/*.json\", \"exports/*.xml\", \"fo.xml\"]\n}\n");
        var result = ConfigLoader.Load(null, folder, folder)!;
        Assert.Equal(["DIPV2020", "DIPV2020"], result.Diagnostics.Select(d => d.Id));
        var glob = result.Diagnostics[0];
        Assert.Equal("maplint.json", glob.Location.Path);
        Assert.Equal(new Text.LinePosition(2, 35), glob.Location.LineSpan.Start);
        Assert.Equal("'exports/*.xml' in \"metadata\" matches no file, so no metadata is loaded from it and the rules that need it may be skipped. Fix the path or glob (it is relative to maplint.json), or remove it.", glob.Message);
        Assert.Equal(new Text.LinePosition(2, 52), result.Diagnostics[1].Location.LineSpan.Start);
    }

    [Fact]
    public void Silent_EveryEntryMatches()
    {
        Directory.CreateDirectory(Path.Combine(folder, "metadata"));
        File.WriteAllText(Path.Combine(folder, "metadata", "dataverse.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "maplint.json"), "{ \"metadata\": [\"metadata/*.json\", \"metadata/dataverse.json\"] }");
        Assert.Empty(ConfigLoader.Load(null, folder, folder)!.Diagnostics);
    }
}
