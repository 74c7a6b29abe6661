using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2010: maplint.json names a rule MapLint does not have.</summary>
public class DIPV2010Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void Fires_UnknownRuleId()
    {
        File.WriteAllText(Path.Combine(folder, "maplint.json"), "{\n  \"rules\": { \"DIPV1040\": \"none\" }\n}\n");
        var result = ConfigLoader.Load(null, folder, folder)!;
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DIPV2010", diagnostic.Id);
        Assert.Equal("maplint.json", diagnostic.Location.Path);
        Assert.Equal(new Text.LinePosition(2, 14), diagnostic.Location.LineSpan.Start);
        Assert.Equal("'DIPV1040' is not a MapLint rule, so this setting has no effect. Did you mean 'DIPV1000'?", diagnostic.Message);
        Assert.Empty(result.Config.Severities);
    }

    [Fact]
    public void Silent_KnownRuleId()
    {
        File.WriteAllText(Path.Combine(folder, "maplint.json"), "{ \"rules\": { \"DIPV1004\": \"warning\" } }");
        var result = ConfigLoader.Load(null, folder, folder)!;
        Assert.Empty(result.Diagnostics);
        Assert.Equal(ConfiguredSeverity.Warning, result.Config.Severities["DIPV1004"]);
    }
}
