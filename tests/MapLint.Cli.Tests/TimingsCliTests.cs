using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// MAPLINT_TIMINGS=1 (what the bench's cold mode sets) adds where the run's time went, and what it allocated and
/// paused for GC, to standard error only: the report itself stays the same bytes.
/// </summary>
public class TimingsCliTests
{
    [Fact]
    public void Timings_GoToStandardError_AndLeaveTheReportAsItIs()
    {
        string cli = Path.Combine(CliRunner.Root, "src", "MapLint.Cli", "bin", AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0", "maplint.dll");
        string file = CliRunner.NativeCli ?? "dotnet";
        string[] args = [.. CliRunner.NativeCli is null ? [cli] : Array.Empty<string>(), "check", "examples/broken/DIPV1004/map.json", "--format", "json", "--no-cache"];

        var plain = CliRunner.Run(args[(CliRunner.NativeCli is null ? 1 : 0)..]);
        var timed = RunWithTimings(file, args);

        Assert.Equal(1, plain.ExitCode);
        Assert.Equal(plain.ExitCode, timed.ExitCode);
        Assert.Equal(plain.Stdout, timed.Stdout);
        Assert.DoesNotContain("maplint timings", plain.Stderr, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^maplint timings: GC allocated \d+\.\d MB paused \d+\.\d{3} s gen0 \d+ gen1 \d+ gen2 \d+$", RegexOptions.Multiline), timed.Stderr);
        Assert.Contains("load, check and compact each map", timed.Stderr, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunWithTimings(string file, string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { WorkingDirectory = CliRunner.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MAPLINT_TIMINGS"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(CliRunner.TimeoutSeconds * 1000), "maplint did not finish");
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
