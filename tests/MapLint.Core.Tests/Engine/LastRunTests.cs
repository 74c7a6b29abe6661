using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Engine;
using MapLint.Semantics;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Engine;

/// <summary>
/// The last run's report (<c>lastrun.bin</c>): a run of files all as the last run read them gives that run's
/// findings, notes, documents and metadata names without reading a summary, on every example; what needs more than
/// the report (the dependency index, an edit, the model) runs the engine first and finds the same; a record of
/// other files, another configuration or a damaged one is not used.
/// </summary>
public sealed class LastRunTests : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "maplint-lastrun-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(StreamingTests.Workspaces), MemberType = typeof(StreamingTests))]
    public void AnUnchangedWorkspaceGetsTheLastRunsReportAndTheEngineFindsTheSameWhenAsked(string workspace)
    {
        string folder = Path.Combine(CatalogTests.Root, workspace);
        var config = ConfigLoader.Load(null, folder, folder)?.Config ?? MapLintConfig.Default;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        var uncached = Linter.Run(files, new LintOptions { Config = config });
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = SummaryCache.Open(temp) });

        var cache = SummaryCache.Open(temp);
        var served = LintWorkspace.Open(files, new LintOptions { Config = config, Cache = cache });
        var report = served.Result;

        Assert.Equal((0, 0, 0), (cache.Hits, cache.Misses, cache.MetadataHits));
        Assert.Equal(Render(uncached), Render(report));
        Assert.Equal(uncached.DocumentPaths, report.DocumentPaths);
        Assert.Equal(uncached.FileCount, report.FileCount);
        Assert.Equal(uncached.MetadataSources.Select(Describe), report.MetadataSources.Select(Describe));

        // Asking for what the report does not hold runs the engine, which finds the same.
        Assert.Equal(uncached.Model.TableMaps.Count, report.Model.TableMaps.Count);
        Assert.Equal(files.Count, served.Summaries.Count);
        Assert.Equal(Render(uncached), Render(served.Result));
        Assert.Equal(uncached.BusinessCentral.Files.Count, report.BusinessCentral.Files.Count);
    }

    [Fact]
    public void TheDependencyIndexAndEditsWorkOnAWorkspaceOpenedFromTheReport()
    {
        string folder = Path.Combine(CatalogTests.Root, "examples");
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        var plain = LintWorkspace.Open(files, new LintOptions { Config = config });
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = SummaryCache.Open(temp) });
        var served = LintWorkspace.Open(files, new LintOptions { Config = config, Cache = SummaryCache.Open(temp) });
        string map = files.First(f => f.DisplayPath.EndsWith("customers.json", StringComparison.Ordinal)).FullPath;

        Assert.Equal(plain.Dependencies.DependentsOf(map).Select(f => f.FullPath), served.Dependencies.DependentsOf(map).Select(f => f.FullPath));
        var edit = File.ReadAllBytes(map);
        Assert.Equal(Render(plain.Update(map, edit[..(edit.Length / 2)]).Result), Render(served.Update(map, edit[..(edit.Length / 2)]).Result));
    }

    [Fact]
    public void ARecordOfOtherFilesOrAnotherConfigurationOrDamagedIsNotUsed()
    {
        string folder = Path.Combine(CatalogTests.Root, "examples");
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = SummaryCache.Open(temp) });
        string record = Path.Combine(temp, "lastrun.bin");
        var good = File.ReadAllBytes(record);

        var fewer = files.Skip(1).ToList();
        var cache = SummaryCache.Open(temp);
        Assert.Equal(Render(Linter.Run(fewer, new LintOptions { Config = config })), Render(LintWorkspace.Open(fewer, new LintOptions { Config = config, Cache = cache }).Result));
        Assert.True(cache.Hits > 0, "a run of other files was answered by the record");

        File.WriteAllBytes(record, good);
        var stricter = new MapLintConfig(config.Path, config.Directory, new Dictionary<string, ConfiguredSeverity> { ["DIPV2200"] = ConfiguredSeverity.Error }, config.Include, config.Exclude, config.Metadata, config.CrossCompanyDataSharing);
        cache = SummaryCache.Open(temp);
        var result = LintWorkspace.Open(files, new LintOptions { Config = stricter, Cache = cache }).Result;
        Assert.Equal(Render(Linter.Run(files, new LintOptions { Config = stricter })), Render(result));
        Assert.Contains(result.Diagnostics, d => d.Id == "DIPV2200" && d.Severity == Severity.Error);

        foreach (var damaged in new[] { good[..(good.Length / 2)], [.. good[..^1], (byte)(good[^1] ^ 1)], "not a record"u8.ToArray() })
        {
            File.WriteAllBytes(record, damaged);
            cache = SummaryCache.Open(temp);
            Assert.Equal(Render(Linter.Run(files, new LintOptions { Config = config })), Render(LintWorkspace.Open(files, new LintOptions { Config = config, Cache = cache }).Result));
            Assert.True(cache.Hits + cache.Misses > 0, "a damaged record was used");
        }
    }

    private static string Render(LintResult result) => IncrementalTests.Render(result);

    private static string Describe(MetadataSource source) => source.App + "|" + source.FullPath + "|" + string.Join(",", source.EntityNames);
}
