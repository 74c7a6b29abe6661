using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2021: "crossCompanyDataSharing" names an entity the finance and operations metadata does not have.</summary>
public class DIPV2021Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public DIPV2021Tests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Infrastructure.CatalogTests.Root, "examples", "broken", "DIPV2106")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(folder, true);

    private IReadOnlyList<Diagnostics.Diagnostic> Findings(string maplintJson)
    {
        File.WriteAllText(Path.Combine(folder, "maplint.json"), maplintJson);
        var loaded = ConfigLoader.Load(null, folder, folder)!;
        var result = Linter.Run(Workspace.FileDiscovery.Discover([folder], folder, loaded.Config).Files, new LintOptions { Config = loaded.Config });
        return loaded.Findings(result);
    }

    [Fact]
    public void Fires_EntityNotInTheMetadata()
    {
        var diagnostic = Assert.Single(Findings("{\n  \"crossCompanyDataSharing\": [\"CustomersV3\", \"CustomerGroup\"]\n}\n"));
        Assert.Equal("DIPV2021", diagnostic.Id);
        Assert.Equal(new Text.LinePosition(2, 46), diagnostic.Location.LineSpan.Start);
        Assert.Equal("'CustomerGroup' in \"crossCompanyDataSharing\" is no entity of the finance and operations metadata, so this setting has no effect. Did you mean 'CustomerGroups'?", diagnostic.Message);
    }

    [Fact]
    public void Silent_EntityInTheMetadata()
    {
        Assert.Empty(Findings("{ \"crossCompanyDataSharing\": [\"customersv3\"] }"));
    }
}
