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

        // Map files' dependents come from the record (no summary read); anything else from the summaries.
        foreach (var file in files.OrderBy(f => f.FullPath.Contains("/maps/", StringComparison.Ordinal) ? 0 : 1))
        {
            Assert.Equal(plain.Dependencies.DependentsOf(file.FullPath).Select(f => f.FullPath), served.Dependencies.DependentsOf(file.FullPath).Select(f => f.FullPath));
            if (file.FullPath.Contains("/maps/", StringComparison.Ordinal))
            {
                Assert.Equal("last run", served.MadeBy);
            }
        }
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

    /// <summary>
    /// Seeded random edits of a workspace of maps that look each other up (cycles, shared tables, metadata): after
    /// each, a cached run — the last run's report, an edit of it, or the engine on every file — finds exactly what an
    /// uncached run finds, and edits that keep names and tables take the edit's path.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void AfterEachRandomEditACachedRunFindsWhatAnUncachedRunFinds(int seed)
    {
        string folder = Path.Combine(temp, "workspace");
        string cacheFolder = Path.Combine(temp, "cache");
        const int Maps = 30;
        var random = new Random(seed);
        var maps = Enumerable.Range(0, Maps).Select(i => new EditedMap(i, random)).ToList();
        Directory.CreateDirectory(Path.Combine(folder, "maps"));
        Directory.CreateDirectory(Path.Combine(folder, "metadata"));
        foreach (var map in maps)
        {
            map.Write(folder);
        }

        File.WriteAllText(Path.Combine(folder, "metadata", "dataverse.json"), DataverseMetadata(Maps));
        File.WriteAllText(Path.Combine(folder, "project.json"), """{ "kind": "project", "name": "P", "tasks": [ { "name": "t", "map": "Map 3" } ] }""");
        var madeBy = new List<string>();
        for (int step = 0; step < 60; step++)
        {
            var files = FileDiscovery.Discover([folder], folder, MapLintConfig.Default).Files;
            var workspace = LintWorkspace.Open(files, new LintOptions { Cache = SummaryCache.Open(cacheFolder) });
            string expected = Render(Linter.Run(files, new LintOptions()));
            Assert.True(expected == Render(workspace.Result), $"step {step} ({workspace.MadeBy}) after: {string.Join("; ", maps.Select(m => m.LastEdit).Where(e => e.Length > 0))}\nexpected:\n{expected}\nactual:\n{Render(workspace.Result)}");
            madeBy.Add(workspace.MadeBy);

            // A hook asks which files an edited map concerns: the record answers as the summaries do.
            var plain = LintWorkspace.Open(files, new LintOptions());
            foreach (var file in files.Where((_, n) => n % 7 == step % 7))
            {
                Assert.Equal(plain.Dependencies.DependentsOf(file.FullPath).Select(f => f.DisplayPath), workspace.Dependencies.DependentsOf(file.FullPath).Select(f => f.DisplayPath));
            }

            Assert.Equal(expected, Render(workspace.Result));
            foreach (var map in maps)
            {
                map.LastEdit = string.Empty;
            }

            int edits = random.Next(10) == 0 ? 2 : 1;
            for (int e = 0; e < edits; e++)
            {
                var map = maps[random.Next(Maps)];
                map.Edit(random, Maps);
                map.Write(folder);
            }

            if (random.Next(12) == 0)
            {
                File.WriteAllText(Path.Combine(folder, "metadata", "dataverse.json"), DataverseMetadata(Maps).Replace("\"fld3\"", "\"fld3x\"", StringComparison.Ordinal));
            }
        }

        Assert.Contains("edit", madeBy);
        Assert.True(madeBy.Count(m => m == "edit") >= 10, string.Join(", ", madeBy));
    }

    private static string DataverseMetadata(int maps)
    {
        var text = new System.Text.StringBuilder("{ \"kind\": \"entityMetadata\", \"app\": \"dataverse\", \"entities\": {\n");
        for (int t = 0; t < maps; t++)
        {
            text.Append("  \"tbl").Append(t).Append("\": { \"keys\": [[\"fld0\"]], \"fields\": {");
            for (int k = 0; k < 8; k++)
            {
                text.Append(" \"fld").Append(k).Append("\": { \"type\": \"string\", \"maxLength\": 60 },");
            }

            for (int j = 0; j < maps; j++)
            {
                text.Append(" \"lkp").Append(j).Append("\": { \"type\": \"lookup\", \"target\": \"tbl").Append(j).Append("\" }").Append(j + 1 < maps ? "," : string.Empty);
            }

            text.Append(" } }").Append(t + 1 < maps ? ",\n" : "\n");
        }

        return text.Append("} }\n").ToString();
    }

    /// <summary>A map of the random-edit workspace: its table, plain fields and lookups, and what the last edit did.</summary>
    private sealed class EditedMap
    {
        private readonly int index;
        private readonly List<(int Field, string Direction)> fields = [];
        private readonly List<int> lookups = [];
        private string name;
        private int table;
        private bool broken;

        public EditedMap(int index, Random random)
        {
            this.index = index;
            name = "Map " + index;
            table = index % 7 == 6 ? index - 1 : index;
            for (int k = 0; k < 5; k++)
            {
                fields.Add((k, random.Next(4) == 0 ? ">" : "="));
            }

            for (int l = random.Next(4); l > 0; l--)
            {
                lookups.Add(random.Next(30));
            }
        }

        public string LastEdit { get; set; } = string.Empty;

        public void Edit(Random random, int maps)
        {
            int kind = random.Next(10);
            switch (kind)
            {
                case < 2 when fields.Count > 0:
                    int f = random.Next(fields.Count);
                    fields[f] = (fields[f].Field, fields[f].Direction switch { "=" => ">", ">" => "<", _ => "=" });
                    LastEdit = $"{name}: direction of fld{fields[f].Field} {fields[f].Direction}";
                    break;
                case 2 when fields.Count > 0:
                    int r = random.Next(fields.Count);
                    LastEdit = $"{name}: fld{fields[r].Field} removed";
                    fields.RemoveAt(r);
                    break;
                case < 5:
                    lookups.Add(random.Next(maps));
                    LastEdit = $"{name}: lookup lkp{lookups[^1]} added";
                    break;
                case < 7 when lookups.Count > 0:
                    LastEdit = $"{name}: lookup lkp{lookups[0]} removed";
                    lookups.RemoveAt(0);
                    break;
                case 7:
                    fields.Add((fields.Count + random.Next(3), "="));
                    LastEdit = $"{name}: field fld{fields[^1].Field} added";
                    break;
                case 8:
                    table = random.Next(maps);
                    LastEdit = $"{name}: table tbl{table}";
                    break;
                default:
                    broken = !broken;
                    LastEdit = $"{name}: {(broken ? "broken" : "mended")}";
                    break;
            }
        }

        public void Write(string folder)
        {
            var text = new System.Text.StringBuilder();
            text.Append("{ \"kind\": \"tableMap\", \"name\": \"").Append(name).Append("\",\n");
            text.Append("  \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"Entity").Append(index).Append("\" },\n");
            text.Append("  \"destination\": { \"app\": \"dataverse\", \"entity\": \"tbl").Append(table).Append("\" },\n");
            text.Append("  \"mappings\": [\n");
            var lines = fields.Select(f => $"    {{ \"source\": \"FIELD{f.Field}\", \"direction\": \"{f.Direction}\", \"destination\": \"fld{f.Field}\" }}")
                .Concat(lookups.Select((l, n) => $"    {{ \"source\": \"REF{n}\", \"direction\": \">\", \"destination\": \"lkp{l}.fld0\" }}"));
            text.Append(string.Join(",\n", lines)).Append(broken ? "\n" : "\n  ]\n}\n");
            File.WriteAllText(Path.Combine(folder, "maps", $"map{index}.json"), text.ToString());
        }
    }

    private static string Render(LintResult result) => IncrementalTests.Render(result);

    private static string Describe(MetadataSource source) => source.App + "|" + source.FullPath + "|" + string.Join(",", source.EntityNames);
}
