using System.Security.Cryptography;
using System.Text;
using MapLint.Configuration;
using MapLint.Engine;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Engine;

/// <summary>
/// The summary cache changes nothing but the time: a run from the cache gives the findings of a run without it,
/// to the byte, on every example and after every edit of a mutated corpus; a corrupt, truncated or foreign
/// cache file is ignored and rebuilt; an entry whose metadata changed is not used.
/// </summary>
public sealed class CacheTests : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "maplint-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// The cache in <paramref name="folder"/> without the last run's report: these tests are of the summaries,
    /// which a run reads when some input changed (the report of an unchanged workspace: <see cref="LastRunTests"/>).
    /// </summary>
    private static SummaryCache Summaries(string folder)
    {
        if (File.Exists(Path.Combine(folder, "lastrun.bin")))
        {
            File.Delete(Path.Combine(folder, "lastrun.bin"));
        }

        return SummaryCache.Open(folder);
    }

    [Theory]
    [MemberData(nameof(StreamingTests.Workspaces), MemberType = typeof(StreamingTests))]
    public void ACachedRunFindsWhatAnUncachedRunFinds(string workspace)
    {
        string folder = Path.Combine(CatalogTests.Root, workspace);
        var config = ConfigLoader.Load(null, folder, folder)?.Config ?? MapLintConfig.Default;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        string cacheFolder = Path.Combine(temp, "cache");

        string uncached = Render(Linter.Run(files, new LintOptions { Config = config }));
        var cold = Summaries(cacheFolder);
        string first = Render(Linter.Run(files, new LintOptions { Config = config, Cache = cold }));
        var warm = Summaries(cacheFolder);
        string second = Render(Linter.Run(files, new LintOptions { Config = config, Cache = warm }));

        Assert.Equal(uncached, first);
        Assert.Equal(uncached, second);
        Assert.Equal(0, cold.Hits);
        Assert.Equal(0, warm.Misses);
        Assert.Equal(cold.Misses, warm.Hits);
    }

    [Fact]
    public void EveryExampleMapComesFromTheCacheOnTheSecondRun()
    {
        string folder = Path.Combine(CatalogTests.Root, "examples");
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        Linter.Run(files, new LintOptions { Config = config, Cache = Summaries(temp) });
        var warm = Summaries(temp);
        var result = Linter.Run(files, new LintOptions { Config = config, Cache = warm });

        // Maps read from the service's records (Web API pages, solutions, projects) are not cached by design: the
        // cache stores MapLint documents, and a record set's maps share one file and one deployment.
        int cachable = result.Model.TableMaps.Count(m => m.Deployment is null);
        Assert.True(cachable > 0);
        Assert.Equal(cachable, warm.Hits);
        Assert.Null(warm.Rejected);
        Assert.False(warm.Save()); // nothing new: the file is left as it is
    }

    /// <summary>Edits of every kind on a copy of the examples, one after the other, with one cache throughout.</summary>
    [Fact]
    public void AfterEveryEditOfAMutatedCorpusTheCachedRunFindsTheSame()
    {
        string folder = Path.Combine(temp, "corpus");
        IncrementalTests.CopyExamples(folder);
        string cacheFolder = Path.Combine(temp, "cache");
        var edits = new (string File, Func<string, string> Edit)[]
        {
            ("maps/customers.json", t => t.Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal)),
            ("metadata/dataverse.json", t => t.Replace("\"accountnumber\"", "\"accountnumber2\"", StringComparison.Ordinal)),
            ("maps/contacts.json", t => t[..(t.Length * 2 / 3)]),
            ("connection-set.json", t => t.Replace("organizationMappings", "organisationMappings", StringComparison.Ordinal)),
            ("metadata/finance-and-operations.json", t => t.Replace("\"required\": true", "\"required\": false", StringComparison.Ordinal)),
            ("maps/vendors.json", t => t.Replace("\"name\": \"", "\"name\": \"Customers V3 (accounts)\", \"x\": \"", StringComparison.Ordinal)),
            ("maplint.json", _ => "{ \"exclude\": [\"broken/**\"], \"rules\": { \"DIPV2201\": \"error\", \"DIPV1004\": \"none\" } }"),
            ("maps/customers.json", t => t.Replace("\"direction\": \">\"", "\"direction\": \"=\"", StringComparison.Ordinal)),
            ("metadata/dataverse.json", t => t.Replace("\"accountnumber2\"", "\"accountnumber\"", StringComparison.Ordinal)),
            ("maps/units.json", t => "\uFEFF" + t.Replace("\"name\"", "\"name\"  ", StringComparison.Ordinal)),
        };

        var start = ConfigLoader.Load(null, folder, folder)!.Config;
        Linter.Run(FileDiscovery.Discover([folder], folder, start).Files, new LintOptions { Config = start, Cache = Summaries(cacheFolder) });
        foreach (var (file, edit) in edits)
        {
            string path = Path.Combine(folder, file);
            File.WriteAllText(path, edit(File.ReadAllText(path)));
            var config = ConfigLoader.Load(null, folder, folder)!.Config;
            var files = FileDiscovery.Discover([folder], folder, config).Files;
            string uncached = Render(Linter.Run(files, new LintOptions { Config = config }));
            var cache = Summaries(cacheFolder);
            Assert.Equal(uncached, Render(Linter.Run(files, new LintOptions { Config = config, Cache = cache })));
            // Edits of the configuration, metadata or connection sets concern every map; others leave most entries good.
            Assert.True(cache.Hits > 0 || file is "maplint.json" or "connection-set.json" || file.StartsWith("metadata/", StringComparison.Ordinal), $"no hit after editing {file}");
            Assert.Equal(uncached, Render(Linter.Run(files, new LintOptions { Config = config, Cache = Summaries(cacheFolder) })));
        }
    }

    [Fact]
    public void AMetadataChangeIsSeenThroughTheCache()
    {
        string folder = Path.Combine(temp, "corpus");
        IncrementalTests.CopyExamples(folder);
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        Linter.Run(files, new LintOptions { Config = config, Cache = Summaries(temp) });

        // accountnumber leaves the metadata: the customers map now maps a field the table lacks.
        string metadata = Path.Combine(folder, "metadata", "dataverse.json");
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("\"accountnumber\":", "\"accountnumberx\":", StringComparison.Ordinal));
        var cache = Summaries(temp);
        var result = Linter.Run(files, new LintOptions { Config = config, Cache = cache });

        Assert.Contains(result.Diagnostics, d => d.Id == "DIPV1025" && d.Location.Path.EndsWith("customers.json", StringComparison.Ordinal));
        Assert.Equal(Render(Linter.Run(files, new LintOptions { Config = config })), Render(result));
        Assert.True(cache.Misses > 0);
    }

    /// <summary>
    /// A cached run of unchanged files parses no metadata: each metadata file is known from its entry by what it
    /// defines, and the maps carry what the rules spanning maps need of it.
    /// </summary>
    [Fact]
    public void ACachedRunOfUnchangedFilesParsesNoMetadata()
    {
        string folder = Path.Combine(temp, "corpus");
        IncrementalTests.CopyExamples(folder);
        // Maps read from the service's records are checked on every run (never cached, by design) and read metadata.
        Directory.Delete(Path.Combine(folder, "service"), recursive: true);
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        string uncached = Render(Linter.Run(files, new LintOptions { Config = config }));
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = Summaries(temp) });

        var cache = Summaries(temp);
        var warm = LintWorkspace.Open(files, new LintOptions { Config = config, Cache = cache });

        Assert.Equal(uncached, Render(warm.Result));
        var deferred = warm.Summaries.Where(s => s.Metadata is not null).Select(s => s.Metadata!).ToList();
        Assert.Equal(["dataverse-lab-books.json", "dataverse.json", "finance-and-operations.json"], deferred.Select(d => Path.GetFileName(d.FullPath)).Order(StringComparer.Ordinal));
        Assert.Equal(deferred.Count, cache.MetadataHits);
        Assert.All(deferred, d => Assert.False(d.IsLoaded, $"{d.FullPath} was parsed"));
        Assert.Equal(0, cache.Misses);
    }

    /// <summary>
    /// A changed map reads the metadata files that define its tables, and only those: a file defining other
    /// tables stays unread. The findings are those of a run without the cache.
    /// </summary>
    [Fact]
    public void AChangedMapReadsOnlyTheMetadataOfItsTables()
    {
        string folder = Path.Combine(temp, "corpus");
        IncrementalTests.CopyExamples(folder);
        Directory.Delete(Path.Combine(folder, "service"), recursive: true);
        File.WriteAllText(Path.Combine(folder, "metadata", "unrelated.json"), """
            { "kind": "entityMetadata", "app": "dataverse", "entities": { "msdyn_unrelated": { "keys": [["msdyn_code"]], "fields": { "msdyn_code": { "type": "string", "maxLength": 20 } } } } }
            """);
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = Summaries(temp) });

        string map = Path.Combine(folder, "maps", "customers.json");
        File.WriteAllText(map, File.ReadAllText(map).Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal));
        var cache = Summaries(temp);
        var changed = LintWorkspace.Open(files, new LintOptions { Config = config, Cache = cache });

        Assert.Equal(Render(Linter.Run(files, new LintOptions { Config = config })), Render(changed.Result));
        Assert.Equal(1, cache.Misses);
        var deferred = changed.Summaries.Where(s => s.Metadata is not null).ToDictionary(s => Path.GetFileName(s.File.FullPath), s => s.Metadata!);
        Assert.True(deferred["dataverse.json"].IsLoaded);
        Assert.True(deferred["finance-and-operations.json"].IsLoaded);
        Assert.False(deferred["unrelated.json"].IsLoaded);
    }

    /// <summary>
    /// A changed map's rules take the definitions they ask for from the cache's copy of each clean metadata file's
    /// definitions: no metadata file is read again for them (each is read at most once, to hash it), and the
    /// findings are those of a run without the cache, also after the map names a table by its entity set.
    /// </summary>
    [Theory]
    [InlineData("logical name")]
    [InlineData("entity set")]
    public void AChangedMapTakesItsDefinitionsFromTheCacheNotFromTheMetadataFiles(string naming)
    {
        string folder = Path.Combine(temp, "corpus");
        IncrementalTests.CopyExamples(folder);
        Directory.Delete(Path.Combine(folder, "service"), recursive: true);
        File.WriteAllText(Path.Combine(folder, "metadata", "unrelated.json"), """
            { "kind": "entityMetadata", "app": "dataverse", "entities": { "msdyn_unrelated": { "entitySetName": "msdyn_unrelateds", "keys": [["msdyn_code"]], "fields": { "msdyn_code": { "type": "string", "maxLength": 20 } } } } }
            """);
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = Summaries(temp) });
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(temp, "definitions")));

        string map = Path.Combine(folder, "maps", "customers.json");
        string text = File.ReadAllText(map).Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal);
        File.WriteAllText(map, naming == "entity set" ? text.Replace("\"entity\": \"account\"", "\"entity\": \"accounts\"", StringComparison.Ordinal) : text);
        var reads = new CountingSource();
        var cache = Summaries(temp);
        var changed = LintWorkspace.Open(files, new LintOptions { Config = config, Cache = cache }, reads);

        Assert.Equal(Render(Linter.Run(files, new LintOptions { Config = config })), Render(changed.Result));
        Assert.Equal(1, cache.Misses);
        Assert.True(cache.DefinitionHits > 0, "no definition came from the cache");
        var metadata = changed.Summaries.Where(s => s.Metadata is not null).ToDictionary(s => Path.GetFileName(s.File.FullPath), s => s.Metadata!);
        Assert.True(metadata["dataverse.json"].IsLoaded);
        Assert.False(metadata["unrelated.json"].IsLoaded); // the set name came from the entry: its definitions were not asked for
        Assert.All(metadata.Values, m => Assert.True(reads.Count(m.FullPath) <= 1, $"{m.FullPath} read {reads.Count(m.FullPath)} times"));
    }

    /// <summary>A damaged or missing copy of the definitions is not trusted: the metadata file is read for them, the findings the same.</summary>
    [Theory]
    [InlineData("flipped")]
    [InlineData("truncated")]
    [InlineData("deleted")]
    [InlineData("foreign key")]
    public void ADamagedCopyOfTheDefinitionsIsNotTrusted(string damage)
    {
        string folder = Path.Combine(temp, "corpus");
        IncrementalTests.CopyExamples(folder);
        Directory.Delete(Path.Combine(folder, "service"), recursive: true);
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = Summaries(temp) });
        var copies = Directory.GetFiles(Path.Combine(temp, "definitions")).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(copies);
        foreach (var (copy, i) in copies.Select((c, i) => (c, i)))
        {
            var bytes = File.ReadAllBytes(copy);
            switch (damage)
            {
                case "flipped":
                    bytes[bytes.Length / 2] ^= 0x20;
                    File.WriteAllBytes(copy, bytes);
                    break;
                case "truncated":
                    File.WriteAllBytes(copy, bytes[..(bytes.Length - 40)]);
                    break;
                case "deleted":
                    File.Delete(copy);
                    break;
                case "foreign key":
                    // A whole copy, but of another file's definitions: each copy moved to the next one's name.
                    File.WriteAllBytes(copy + ".moved", bytes);
                    break;
            }
        }

        if (damage == "foreign key")
        {
            for (int i = 0; i < copies.Count; i++)
            {
                File.Move(copies[i] + ".moved", copies[(i + 1) % copies.Count], overwrite: true);
            }
        }

        string map = Path.Combine(folder, "maps", "customers.json");
        File.WriteAllText(map, File.ReadAllText(map).Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal));
        var cache = Summaries(temp);
        var changed = LintWorkspace.Open(files, new LintOptions { Config = config, Cache = cache });

        string expected = Render(Linter.Run(files, new LintOptions { Config = config }));
        Assert.Equal(expected, Render(changed.Result));
        Assert.True(copies.Count > 1); // (a copy moved to its own name would not be foreign)
        Assert.Equal(0, cache.DefinitionHits);

        // The next run reads the metadata files whole and writes their copies again; the one after uses them.
        File.AppendAllText(map, "\n");
        Assert.Equal(expected, Render(LintWorkspace.Open(files, new LintOptions { Config = config, Cache = Summaries(temp) }).Result));
        File.AppendAllText(map, "\n");
        var repaired = Summaries(temp);
        Assert.Equal(expected, Render(LintWorkspace.Open(files, new LintOptions { Config = config, Cache = repaired }).Result));
        Assert.True(repaired.DefinitionHits > 0, "the copies were not written again");
    }

    /// <summary>The disk, counting the reads of each file.</summary>
    private sealed class CountingSource : DocumentSource
    {
        private readonly DocumentSource disk = Disk();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> reads = new(StringComparer.Ordinal);

        public int Count(string fullPath) => reads.GetValueOrDefault(fullPath);

        public override byte[]? Read(WorkspaceFile file, MapLint.Diagnostics.DiagnosticBag bag)
        {
            reads.AddOrUpdate(file.FullPath, 1, (_, n) => n + 1);
            return disk.Read(file, bag);
        }

        public override byte[]? ReadPrefix(WorkspaceFile file) => disk.ReadPrefix(file);

        public override Func<byte[]?>? Reread(WorkspaceFile file) => disk.Reread(file);

        public override MapLint.Util.FileStamp? Stamp(WorkspaceFile file) => disk.Stamp(file);
    }

    /// <summary>
    /// Files whose stamp (device, inode, size, modification and change times) is what the cache recorded are not
    /// read; an edit of the same size with the modification time set back still changes the change time and is
    /// seen, as git's index sees it.
    /// </summary>
    [Fact]
    public void UnchangedStampsSkipTheReadAndASameSizeEditWithItsTimeSetBackIsSeen()
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("skipped: file stamps (statx) are read on Linux only; elsewhere every file is hashed");
            return;
        }

        string folder = Path.Combine(temp, "corpus");
        IncrementalTests.CopyExamples(folder);
        // Stamps are recorded only for files last changed two seconds before a run began (git's racy-clean rule).
        Thread.Sleep(2200);
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        LintWorkspace.Open(files, new LintOptions { Config = config, Cache = Summaries(temp) });
        var stamped = Summaries(temp);
        string before = Render(LintWorkspace.Open(files, new LintOptions { Config = config, Cache = stamped }).Result);
        Assert.Equal(Render(Linter.Run(files, new LintOptions { Config = config })), before);
        Assert.True(stamped.StampHits >= files.Count(f => f.FullPath.Contains(Path.DirectorySeparatorChar + "maps" + Path.DirectorySeparatorChar, StringComparison.Ordinal)), $"{stamped.StampHits} stamp hits");

        // The same number of bytes, the modification time put back: only the change time tells.
        string map = Path.Combine(folder, "maps", "customers.json");
        var modified = File.GetLastWriteTimeUtc(map);
        string text = File.ReadAllText(map);
        string edited = text.Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        Assert.Equal(text.Length, edited.Length);
        File.WriteAllText(map, edited);
        File.SetLastWriteTimeUtc(map, modified);

        var cache = Summaries(temp);
        string after = Render(LintWorkspace.Open(files, new LintOptions { Config = config, Cache = cache }).Result);
        Assert.Equal(Render(Linter.Run(files, new LintOptions { Config = config })), after);
        Assert.NotEqual(before, after);
        Assert.Equal(1, cache.Misses);
    }

    public static TheoryData<string> Damages() => ["garbage", "truncated", "flipped", "empty", "foreign", "folder"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void ADamagedCacheIsIgnoredAndRebuilt(string damage)
    {
        string folder = Path.Combine(CatalogTests.Root, "examples");
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        string expected = Render(Linter.Run(files, new LintOptions { Config = config }));
        var first = Summaries(temp);
        Linter.Run(files, new LintOptions { Config = config, Cache = first });
        // The index (stamps, metadata entries) and every shard of the maps' entries get the damage.
        foreach (var path in Directory.GetFiles(Path.Combine(temp, "maps")).Append(first.FilePath))
        {
            Damage(path, damage);
        }

        var damaged = Summaries(temp);
        Assert.Equal(expected, Render(Linter.Run(files, new LintOptions { Config = config, Cache = damaged })));
        Assert.Equal(0, damaged.Hits);
        Assert.NotNull(damaged.Rejected);
        if (damage == "folder")
        {
            return; // nothing can be written where a folder stands; the run still gave the right findings
        }

        var rebuilt = Summaries(temp);
        Assert.Equal(expected, Render(Linter.Run(files, new LintOptions { Config = config, Cache = rebuilt })));
        Assert.Null(rebuilt.Rejected);
        Assert.Equal(0, rebuilt.Misses);
    }

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "garbage":
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes("not a cache at all"));
                break;
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(path, bytes);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "foreign":
                // A whole, well-formed file written by another build of MapLint: same layout, other identity.
                File.WriteAllBytes(path, Reseal(bytes, SummaryCache.Stamp, "9.9.9/another-build"));
                break;
            case "folder":
                File.Delete(path);
                Directory.CreateDirectory(path);
                break;
        }
    }

    /// <summary>Replaces the identity in a cache file and seals it with a fresh checksum.</summary>
    private static byte[] Reseal(byte[] bytes, string from, string to)
    {
        var body = bytes[..^32];
        var old = Encoding.UTF8.GetBytes(from);
        int at = body.AsSpan().IndexOf(old);
        Assert.True(at > 0);
        var replaced = body[..(at - 1)].Append((byte)Encoding.UTF8.GetByteCount(to)).Concat(Encoding.UTF8.GetBytes(to)).Concat(body[(at + old.Length)..]).ToArray();
        return replaced.Concat(SHA256.HashData(replaced)).ToArray();
    }

    private static string Render(LintResult result) => IncrementalTests.Render(result);
}
