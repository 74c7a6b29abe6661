using System.Diagnostics;

namespace MapLint.Cli.Tests;

/// <summary>
/// Runs the real maplint process in the repository root: the built CLI assembly, or the program named by
/// MAPLINT_CLI (the native build, which .ci/run checks with the same tests and golden files).
/// </summary>
public static class CliRunner
{
    public static readonly string Root = FindRoot();

    /// <summary>The native executable under test, when MAPLINT_CLI names one (a relative path is from the repository root).</summary>
    public static readonly string? NativeCli = Environment.GetEnvironmentVariable("MAPLINT_CLI") is { Length: > 0 } cli ? Path.GetFullPath(cli, Root) : null;

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunIn(Root, args);

    public static (int ExitCode, string Stdout, string Stderr) RunIn(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    /// <summary>The same, with bytes written to the program's standard input (then closed).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWithInput(string workingDirectory, byte[]? stdin, params string[] args)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string cli = Path.Combine(Root, "src", "MapLint.Cli", "bin", configuration, "net10.0", "maplint.dll");
        var start = new ProcessStartInfo(NativeCli ?? "dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        if (NativeCli is null)
        {
            start.ArgumentList.Add(cli);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }

        // A hang (a FIFO read, an endless device) is a failure, not a stuck test run.
        if (!process.WaitForExit(TimeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"maplint {string.Join(' ', args)} did not finish in {TimeoutSeconds} s");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>How long one maplint run may take before it counts as a hang.</summary>
    public static int TimeoutSeconds { get; } = 300;

    /// <summary>Runs any program (git, dotnet, pre-commit) and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) RunProcess(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MapLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MapLint.sln not found");
    }
}
