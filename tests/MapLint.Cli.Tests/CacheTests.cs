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

    private string CacheFile => Path.Combine(folder, ".maplint", "cache", "summaries.bin");

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
            var runs = Enumerable.Range(0, 6).Select(_ => Start(folder, "check", ".", "--show-source", "never")).ToList();
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
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(CacheFile)!, "*.tmp"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("empty")]
    public void ADamagedCacheFileIsIgnoredAndRebuilt(string damage)
    {
        var expected = CliRunner.RunIn(folder, "check", ".", "--show-source", "never", "--no-cache");

        // Files changed less than 2 s before a run get no stamp (git's racy-file rule); past that window the first
        // run and the rebuilding run stamp the same files, so their caches can be compared byte for byte.
        Thread.Sleep(TimeSpan.FromSeconds(2.2));
        Assert.Equal(expected, CliRunner.RunIn(folder, "check", ".", "--show-source", "never"));
        var good = File.ReadAllBytes(CacheFile);
        File.WriteAllBytes(CacheFile, damage switch
        {
            "garbage" => "{\"this\": \"is not a MapLint cache\"}"u8.ToArray(),
            "truncated" => good[..(good.Length / 3)],
            _ => [],
        });

        var run = CliRunner.RunIn(folder, "check", ".", "--show-source", "never");

        Assert.Equal(expected, run);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(good, File.ReadAllBytes(CacheFile));
    }

    private static Process Start(string workingDirectory, params string[] args)
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
