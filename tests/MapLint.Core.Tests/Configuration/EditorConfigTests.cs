using MapLint.Configuration;
using MapLint.Diagnostics;

namespace MapLint.Tests.Configuration;

/// <summary>
/// .editorconfig as Roslyn reads it: path sections, category and all-rules keys, and their precedence, on files
/// on disk through the whole engine (DIPV2106, a warning by default, in two copies of one map).
/// </summary>
public class EditorConfigTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-editorconfig-").FullName;

    public EditorConfigTests()
    {
        Directory.CreateDirectory(Path.Combine(folder, ".git")); // the workspace's root: reading stops here
        Directory.CreateDirectory(Path.Combine(folder, "maps", "sales"));
        string source = Path.Combine(Infrastructure.CatalogTests.Root, "examples", "broken", "DIPV2106");
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.Move(Path.Combine(folder, "map.json"), Path.Combine(folder, "maps", "customers.json"));
        File.WriteAllText(Path.Combine(folder, "maps", "sales", "customers.json"), File.ReadAllText(Path.Combine(folder, "maps", "customers.json")).Replace("\"name\": \"Customers\"", "\"name\": \"Sales customers\"", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, true);

    /// <summary>The severity DIPV2106 reports with in each map, or "off".</summary>
    private (string Top, string Sales) Severities(string editorConfig, string? nested = null, string? maplintJson = null)
    {
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), editorConfig);
        if (nested is not null)
        {
            File.WriteAllText(Path.Combine(folder, "maps", "sales", ".editorconfig"), nested);
        }

        if (maplintJson is not null)
        {
            File.WriteAllText(Path.Combine(folder, "maplint.json"), maplintJson);
        }

        var loaded = ConfigLoader.Load(null, folder, folder)!;
        var files = Workspace.FileDiscovery.Discover([folder], folder, loaded.Config).Files;
        var result = Linter.Run(files, new LintOptions { Config = loaded.Config });
        string Of(string path) => result.Diagnostics.FirstOrDefault(d => d.Id == "DIPV2106" && d.Location.Path == path)?.Severity.ToDisplayString() ?? "off";
        return (Of("maps/customers.json"), Of("maps/sales/customers.json"));
    }

    [Fact]
    public void PathSectionsApplyToTheFilesTheyName()
    {
        Assert.Equal(("warning", "error"), Severities("root = true\n[maps/sales/*.json]\ndotnet_diagnostic.DIPV2106.severity = error\n"));
        Assert.Equal(("error", "error"), Severities("root = true\n[customers.json]\ndotnet_diagnostic.DIPV2106.severity = error\n"));
        Assert.Equal(("error", "warning"), Severities("root = true\n[/maps/*.json]\ndotnet_diagnostic.DIPV2106.severity = error\n"));
        Assert.Equal(("warning", "warning"), Severities("root = true\n[*.cs]\ndotnet_diagnostic.DIPV2106.severity = error\n"));
        Assert.Equal(("off", "error"), Severities("root = true\n[*.{json,yaml}]\ndotnet_diagnostic.DIPV2106.severity = none\n[maps/{sales,other}/**]\ndotnet_diagnostic.DIPV2106.severity = error\n"));
    }

    [Fact]
    public void ARuleIdWinsOverItsCategoryWhichWinsOverAllRules()
    {
        Assert.Equal(("error", "error"), Severities("root = true\n[*]\ndotnet_analyzer_diagnostic.category-Sync.severity = error\n"));
        Assert.Equal(("info", "info"), Severities("root = true\n[*]\ndotnet_analyzer_diagnostic.severity = suggestion\n"));
        Assert.Equal(("warning", "warning"), Severities("root = true\n[*]\ndotnet_diagnostic.DIPV2106.severity = warning\ndotnet_analyzer_diagnostic.category-Sync.severity = error\ndotnet_analyzer_diagnostic.severity = none\n"));
        Assert.Equal(("error", "off"), Severities("root = true\n[*.json]\ndotnet_analyzer_diagnostic.category-sync.severity = error\n[maps/sales/*]\ndotnet_diagnostic.DIPV2106.severity = none\n"));
    }

    [Fact]
    public void NearerFilesWinAndMaplintJsonWinsOverBoth()
    {
        Assert.Equal(("error", "off"), Severities("root = true\n[*.json]\ndotnet_diagnostic.DIPV2106.severity = error\n", "[*.json]\ndotnet_diagnostic.DIPV2106.severity = none\n"));
        Assert.Equal(("warning", "warning"), Severities("root = true\n[*.json]\ndotnet_diagnostic.DIPV2106.severity = error\n", "[*.json]\ndotnet_diagnostic.DIPV2106.severity = none\n", "{ \"rules\": { \"DIPV2106\": \"warning\" } }"));
    }

    [Fact]
    public void DefaultMeansTheRulesOwnSeverity()
    {
        Assert.Equal(("error", "warning"), Severities("root = true\n[*.json]\ndotnet_diagnostic.DIPV2106.severity = error\n", "[*.json]\ndotnet_diagnostic.DIPV2106.severity = default\n"));
    }

    // The byte fuzzer's configuration case 5023 (huge number, invalid UTF-8 and deep nesting in a section name): the
    // section's pattern needed a larger automaton than the linear engine builds, and loading the file threw.
    [Fact]
    public void ASectionWhosePatternIsTooLargeForTheEngineMatchesNothing()
    {
        var (bytes, _) = MapLint.Fuzzing.ByteMutator.Mutate(MapLint.Fuzzing.FuzzCorpus.EditorConfig, MapLint.Fuzzing.FuzzCorpus.Seeds.Single(s => s.Kind == "maplintJson").Bytes, 5023);
        string folder = Directory.CreateTempSubdirectory("maplint-editorconfig-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, ".editorconfig"), bytes);
            var loaded = MapLint.Configuration.ConfigLoader.Load(null, folder, folder);
            Assert.NotNull(loaded);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
