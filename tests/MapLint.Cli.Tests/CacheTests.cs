using System.Diagnostics;

namespace MapLint.Cli.Tests;

/// <summary>
/// The summary cache through the real CLI on a copy of the examples: a cached run prints the same bytes and
/// exits the same as an uncached one, for every example; several maplint processes started at once on one cache
/// all print what an uncached run prints and leave a whole cache behind; a damaged cache file is ignored and
/// rebuilt; --no-cache writes nothing.
/// </summary>
public sealed class CacheTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "maplint-cli-cache-" + Guid.NewGuid().ToString("N"));

    public CacheTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples"), "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(Path.Combine(CliRunner.Root, "examples"), file);

            // Other tests' runs over examples/ leave a cache there; the copy starts without one.
            if (relative.Split(Path.DirectorySeparatorChar).Contains(".maplint"))
            {
                continue;
            }

            string to = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private string CacheFile => Path.Combine(folder, ".maplint", "cache", "index.bin");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void CachedRunsPrintTheBytesOfUncachedRunsOnEveryExample()
    {
        var workspaces = new[] { "." }.Concat(Directory.GetDirectories(Path.Combine(folder, "broken")).Order(StringComparer.Ordinal).Select(d => Path.GetRelativePath(folder, d))).ToList();
        foreach (var workspace in workspaces)
        {
            var uncached = CliRunner.RunIn(folder, "check", workspace, "--format", "json", "--no-cache");
            var cold = CliRunner.RunIn(folder, "check", workspace, "--format", "json");
            var warm = CliRunner.RunIn(folder, "check", workspace, "--format", "json");
            Assert.Equal(uncached, cold);
            Assert.Equal(uncached, warm);
        }

        Assert.True(File.Exists(CacheFile));
    }

    [Fact]
    public void ParallelRunsShareOneCacheSafely()
    {
        var expected = CliRunner.RunIn(folder, "check", ".", "--show-source", "never", "--no-cache");
        Assert.False(Directory.Exists(Path.Combine(folder, ".maplint")), "--no-cache wrote a cache");

        // Cold: all write at once. Then warm: all read at once (while some may still replace the file).
        for (int round = 0; round < 2; round++)
        {
            var runs = Enumerable.Range(0, 6).Select(_ => Start(folder, null, "check", ".", "--show-source", "never")).ToList();
            foreach (var run in runs)
            {
                Assert.Equal(expected, Finish(run));
            }
        }

        // What was left is whole and complete: one more run finds every entry and leaves the file as it is. Files
        // changed less than 2 s before a run get no stamp (git's racy-file rule): past that, one run stamps them all.
        Thread.Sleep(TimeSpan.FromSeconds(2.2));
        Assert.Equal(expected, CliRunner.RunIn(folder, "check", ".", "--show-source", "never"));
        var before = File.ReadAllBytes(CacheFile);
        Assert.Equal(expected, CliRunner.RunIn(folder, "check", ".", "--show-source", "never"));
        Assert.Equal(before, File.ReadAllBytes(CacheFile));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(CacheFile)!, "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>
    /// Hook runs (`check FILE…`, the rest of the workspace loaded) after each edit of a map or of metadata print
    /// what uncached runs print; the edited map's definitions come from the cache's copies (MAPLINT_TIMINGS says
    /// which entries served the run), and a metadata edit is seen through them.
    /// </summary>
    [Fact]
    public void HookRunsAfterMapAndMetadataEditsPrintTheBytesOfUncachedRuns()
    {
        Assert.Equal(0, CliRunner.RunIn(folder, "check", ".", "--show-source", "never", "--fail-on", "none").ExitCode);
        Thread.Sleep(TimeSpan.FromSeconds(2.2)); // past the racy-stamp window: the next runs trust the stamps
        var edits = new (string File, string From, string To)[]
        {
            ("maps/customers.json", "\"direction\": \"=\"", "\"direction\": \">\""),
            ("metadata/dataverse.json", "\"accountnumber\":", "\"accountnumberx\":"),
            ("maps/customers.json", "\"entity\": \"account\"", "\"entity\": \"accounts\""),
            ("metadata/dataverse.json", "\"accountnumberx\":", "\"accountnumber\":"),
        };
        int fromCopies = 0;
        foreach (var (file, from, to) in edits)
        {
            string path = Path.Combine(folder, file);
            string text = File.ReadAllText(path);
            Assert.Contains(from, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
            string[] hook = file == "maps/customers.json" ? ["check", "--format", "json", file] : ["check", "--format", "json", "maps/customers.json", file];
            var uncached = Finish(Start(folder, null, [.. hook, "--no-cache"]));
            var cached = Finish(Start(folder, new Dictionary<string, string> { ["MAPLINT_TIMINGS"] = "1" }, hook));
            Assert.Equal((uncached.ExitCode, uncached.Stdout), (cached.ExitCode, cached.Stdout));
            Assert.Contains("maplint timings:", cached.Stderr, StringComparison.Ordinal);
            var served = System.Text.RegularExpressions.Regex.Match(cached.Stderr, @"definitions (\d+) from it");
            Assert.True(served.Success, cached.Stderr);
            fromCopies += int.Parse(served.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        // The map edits re-check customers.json against the unchanged metadata: its definitions came from the copies.
        Assert.True(fromCopies > 0, "no definition came from the cache's copies");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, ".maplint", "cache", "definitions")));
    }

    [Theory]
    [InlineData("index.bin", "garbage")]
    [InlineData("index.bin", "truncated")]
    [InlineData("index.bin", "empty")]
    [InlineData("maps", "garbage")]
    [InlineData("maps", "truncated")]
    [InlineData("lastrun.bin", "garbage")]
    [InlineData("lastrun.bin", "truncated")]
    [InlineData("lastrun.bin", "empty")]
    public void ADamagedCacheFileIsIgnoredAndRebuilt(string file, string damage)
    {
        var expected = CliRunner.RunIn(folder, "check", ".", "--show-source", "never", "--no-cache");

        // Files changed less than 2 s before a run get no stamp (git's racy-file rule); past that window the first
        // run and the rebuilding run stamp the same files, so their caches can be compared byte for byte.
        Thread.Sleep(TimeSpan.FromSeconds(2.2));
        Assert.Equal(expected, CliRunner.RunIn(folder, "check", ".", "--show-source", "never"));
        string path = Path.Combine(folder, ".maplint", "cache", file);
        if (file == "maps")
        {
            // One shard of the maps' entries (the largest, so a third of it cuts an entry).
            path = Directory.GetFiles(path).OrderByDescending(f => new FileInfo(f).Length).First();
        }

        var good = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "garbage" => "{\"this\": \"is not a MapLint cache\"}"u8.ToArray(),
            "truncated" => good[..(good.Length / 3)],
            _ => [],
        });

        // With the last run's report in place a run reads no summary: the summaries are read (and rebuilt) without it.
        if (file != "lastrun.bin")
        {
            File.Delete(LastRunFile);
        }

        var run = CliRunner.RunIn(folder, "check", ".", "--show-source", "never");

        Assert.Equal(expected, run);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(path));
    }

    private string LastRunFile => Path.Combine(folder, ".maplint", "cache", "lastrun.bin");

    /// <summary>
    /// A run of a workspace whose files and configuration are as the last run read them prints that run's report
    /// (MAPLINT_TIMINGS says so) without running a rule; each way a user changes an input makes the next run check
    /// again and print what an uncached run prints: a map edited to the same size with its modification time put
    /// back, a new map, a deleted one, maplint.json, a new .editorconfig, another working folder, a damaged record.
    /// </summary>
    /// <summary>
    /// Red team (issue 15r): a hook's `--staged` run reads the index, not the working tree. A map staged with an edit
    /// and then restored in the working tree (so every working-tree stamp is what the last run's report recorded)
    /// must report the staged text; and a lastrun.bin that is a symlink to a user's file is never written through.
    /// </summary>
    [Fact]
    public void StagedRunsAndALinkedRecordPrintWhatUncachedRunsPrint()
    {
        void Git(params string[] args) => Assert.Equal(0, CliRunner.RunProcess("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", .. args], folder).ExitCode);
        Git("init", "-q", ".");
        Git("add", "-A");
        Git("commit", "-q", "-m", "base");
        Thread.Sleep(TimeSpan.FromSeconds(2.2)); // past the racy window: the next runs record stamps
        CliRunner.RunIn(folder, "check", ".");
        CliRunner.RunIn(folder, "check", ".");

        string map = Path.Combine(folder, "maps", "customers.json");
        string text = File.ReadAllText(map);
        Assert.Contains("msdyn_paymentterm.msdyn_name", text, StringComparison.Ordinal);
        File.WriteAllText(map, text.Replace("msdyn_paymentterm.msdyn_name", "msdyn_paymentterm.msdyn_xname", StringComparison.Ordinal));
        Git("add", "maps/customers.json");
        File.WriteAllText(map, text);
        foreach (var format in new[] { "text", "json" })
        {
            var uncached = CliRunner.RunIn(folder, "check", "--staged", "--format", format, "--no-cache");
            Assert.NotEqual(0, uncached.ExitCode); // the staged lookup names a column the metadata does not have
            Assert.Equal(uncached, CliRunner.RunIn(folder, "check", "--staged", "--format", format));
            Assert.Equal(uncached, CliRunner.RunIn(folder, "check", "--staged", "--format", format));
        }

        string record = Path.Combine(folder, ".maplint", "cache", "lastrun.bin");
        string victim = Path.Combine(folder, "maps", "payment-terms.json");
        byte[] before = File.ReadAllBytes(victim);
        File.Delete(record);
        File.CreateSymbolicLink(record, victim);
        var expected = CliRunner.RunIn(folder, "check", ".", "--no-cache");
        var cached = CliRunner.RunIn(folder, "check", ".");
        Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(victim)), "the cache write replaced the map lastrun.bin links to");
        Assert.Equal(expected, cached);
        Assert.Equal(expected, CliRunner.RunIn(folder, "check", "."));
    }

    [Fact]
    public void TheLastRunsReportIsPrintedOnlyWhileEveryInputIsAsItWas()
    {
        var timings = new Dictionary<string, string> { ["MAPLINT_TIMINGS"] = "1" };
        const string Served = "the last run's report: every file";
        void Same(string because, string directory = ".", string target = ".")
        {
            string where = Path.GetFullPath(directory, folder);
            string[] check = ["check", target, "--format", "json"];
            var uncached = Finish(Start(where, null, [.. check, "--no-cache"]));
            var run = Finish(Start(where, timings, check));
            Assert.Equal((uncached.ExitCode, uncached.Stdout), (run.ExitCode, run.Stdout));
            Assert.False(run.Stderr.Contains(Served, StringComparison.Ordinal), because + ": the last run's report was printed");
            var again = Finish(Start(where, timings, check));
            Assert.Equal((uncached.ExitCode, uncached.Stdout), (again.ExitCode, again.Stdout));
            Assert.True(again.Stderr.Contains(Served, StringComparison.Ordinal), because + ": the run after did not print the record\n" + again.Stderr);
        }

        Same("first run");
        foreach (var format in new[] { "text", "sarif", "github" })
        {
            var uncached = CliRunner.RunIn(folder, "check", ".", "--format", format, "--no-cache");
            Assert.Equal(uncached, CliRunner.RunIn(folder, "check", ".", "--format", format));
        }

        Thread.Sleep(TimeSpan.FromSeconds(2.2)); // stamps settle: the next edits are seen by their change time alone
        string map = Path.Combine(folder, "maps", "customers.json");
        var modified = File.GetLastWriteTimeUtc(map);
        string text = File.ReadAllText(map);
        Assert.Contains("\"direction\": \"=\"", text, StringComparison.Ordinal);
        File.WriteAllText(map, text.Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(map, modified);
        Same("a same-size edit with its modification time put back");

        File.Copy(map, Path.Combine(folder, "maps", "customers-copy.json"));
        Same("a new map");
        File.Delete(Path.Combine(folder, "maps", "customers-copy.json"));
        Same("a deleted map");

        string config = Path.Combine(folder, "maplint.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"exclude\"", "\"rules\": { \"DIPV2200\": \"error\" },\n  \"exclude\"", StringComparison.Ordinal));
        Same("maplint.json changed");
        File.WriteAllText(Path.Combine(folder, "maps", ".editorconfig"), "[*.json]\ndotnet_diagnostic.DIPV2201.severity = none\n");
        Same("a new .editorconfig");
        Same("the same files from another working folder", "maps", "..");

        File.WriteAllBytes(LastRunFile, File.ReadAllBytes(LastRunFile)[..100]);
        Same("a damaged record");
    }

    private static Process Start(string workingDirectory, Dictionary<string, string>? environment, params string[] args)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo(CliRunner.NativeCli ?? "dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (CliRunner.NativeCli is null)
        {
            start.ArgumentList.Add(Path.Combine(CliRunner.Root, "src", "MapLint.Cli", "bin", configuration, "net10.0", "maplint.dll"));
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static (int ExitCode, string Stdout, string Stderr) Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var result = (process.ExitCode, stdout.Result, stderr.Result);
        process.Dispose();
        return result;
    }
}
