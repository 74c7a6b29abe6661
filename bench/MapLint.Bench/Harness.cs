using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MapLint.Bench;

/// <summary>The whole-process runner: times `maplint check` on corpora of several sizes, with the floor and ajv-cli beside it.</summary>
public static class Harness
{
    internal static readonly string Root = FindRoot();
    private static readonly string Cli = Path.Combine(Root, "src", "MapLint.Cli", "bin", "Release", "net10.0", "maplint.dll");

    public static int Run(string[] args)
    {
        var sizes = Program.Arg(args, "--sizes", "1000,5000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        int seed = int.Parse(Program.Arg(args, "--seed", "1"), CultureInfo.InvariantCulture);
        int repeat = int.Parse(Program.Arg(args, "--repeat", "3"), CultureInfo.InvariantCulture);
        if (Programs(args) is not { } programs)
        {
            return 2;
        }

        string work = Directory.CreateTempSubdirectory("maplint-bench-").FullName;
        string? ajv = AjvCli(work);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"ajv-cli: {(ajv is null ? "not available (Node/npm not found)" : ajv)}");
        Console.WriteLine($"builds: {string.Join(", ", programs.Select(p => p.Label + " " + (p.Prefix.Length > 0 ? p.Prefix[0] : p.File)))}");
        Console.WriteLine();
        Console.WriteLine("| maps | checked | files | MB | floor s | ajv-cli s | build | maplint s | maps/s | MB/s | peak RSS MB | ÷ floor | ÷ ajv |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (int size in sizes)
        {
            string corpus = Path.Combine(work, "n" + size.ToString(CultureInfo.InvariantCulture));
            CorpusGenerator.Write(corpus, size, seed);
            double? ajvSeconds = ajv is null ? null : Best(repeat, () => Process(ajv, ["validate", "--spec=draft7", "--strict=false", "-s", Path.Combine(Root, "schemas", "tableMap.schema.json"), "-d", Path.Combine(corpus, "maps", "*.json")], corpus)).Seconds;

            // The whole workspace (maps, metadata, connection set), and the maps alone: the same files ajv-cli
            // validates, where the metadata rules do not run.
            foreach (var (scope, target) in new[] { ("all", corpus), ("maps/", Path.Combine(corpus, "maps")) })
            {
                var files = Directory.GetFiles(target, "*.json", SearchOption.AllDirectories);
                double megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);

                // The best of several runs: the first ones run the tokenizing loop before the JIT has optimized it.
                double floor = Enumerable.Range(0, Math.Max(5, repeat + 2)).Select(_ => Floor(files)).Min();
                foreach (var (label, file, prefix) in programs)
                {
                    var (maplint, rss) = Best(repeat, () => Process(file, [.. prefix, "check", target, "--no-cache", "--format", "json", "--output", Path.Combine(work, "out.json"), "--fail-on", "none"], corpus));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {size} | {scope} | {files.Length} | {megabytes:0.0} | {floor:0.00} | {(ajvSeconds is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {label} | {maplint:0.00} | {size / maplint:0} | {megabytes / maplint:0.0} | {rss / 1024.0:0} | {maplint / floor:0.0} | {(ajvSeconds is { } b ? (maplint / b).ToString("0.00", CultureInfo.InvariantCulture) : "–")} |"));
                }
            }

            Directory.Delete(corpus, true);
        }

        // One small map, end to end, against the start-up of an empty program.
        string one = Path.Combine(work, "one");
        Directory.CreateDirectory(one);
        File.Copy(Path.Combine(Root, "examples", "broken", "DIPV1004", "map.json"), Path.Combine(one, "map.json"));
        string bench = typeof(Program).Assembly.Location;
        double empty = Enumerable.Range(0, 20).Select(_ => Process("dotnet", [bench, "noop"], one).Seconds).Order().ElementAt(10);
        Console.WriteLine();
        foreach (var (label, file, prefix) in programs)
        {
            double single = Enumerable.Range(0, 20).Select(_ => Process(file, [.. prefix, "check", "map.json", "--fail-on", "none"], one).Seconds).Order().ElementAt(10);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one small map, end to end (median of 20), {label}: {single * 1000:0} ms; empty .NET program: {empty * 1000:0} ms; ratio {single / empty:0.0}"));
        }

        Directory.Delete(work, true);
        return 0;
    }

    /// <summary>
    /// The builds of the same program: the native one, the JIT one that `dotnet tool install` and pre-commit give,
    /// and a ReadyToRun one when --r2r names it (or artifacts/r2r/maplint is there). The native one is published
    /// here when it is not there yet. Null (after saying why) when the JIT build is missing.
    /// </summary>
    internal static List<(string Label, string File, string[] Prefix)>? Programs(string[] args)
    {
        if (!File.Exists(Cli))
        {
            Console.Error.WriteLine($"build the CLI first: dotnet build src/MapLint.Cli -c Release ({Cli} not found)");
            return null;
        }

        var programs = new List<(string Label, string File, string[] Prefix)>();
        string native = Path.GetFullPath(Program.Arg(args, "--native", Path.Combine(Root, "artifacts", "native", "maplint")));
        if (!File.Exists(native) && Program.Arg(args, "--native", string.Empty).Length == 0)
        {
            Console.WriteLine($"publishing the native build to {native} ...");
            Process("dotnet", ["publish", Path.Combine(Root, "src", "MapLint.Cli", "MapLint.Cli.csproj"), "-c", "Release", "--use-current-runtime", "-p:MapLintNativeAot=true", "-o", Path.GetDirectoryName(native)!], Root);
        }

        if (File.Exists(native))
        {
            programs.Add(("native", native, []));
        }

        programs.Add(("JIT", "dotnet", [Cli]));
        string r2r = Path.GetFullPath(Program.Arg(args, "--r2r", Path.Combine(Root, "artifacts", "r2r", "maplint")));
        if (File.Exists(r2r))
        {
            programs.Add(("ReadyToRun", r2r, []));
        }

        // --builds native,ReadyToRun keeps some of them (a 10,000-map run of every build is long on a shared machine).
        var only = Program.Arg(args, "--builds", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        return only.Length == 0 ? programs : programs.Where(p => only.Contains(p.Label, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The floor: read every file and tokenize it with Utf8JsonReader on all cores, and nothing else.</summary>
    internal static double Floor(string[] files)
    {
        var clock = Stopwatch.StartNew();
        long tokens = 0;
        Parallel.ForEach(files, file =>
        {
            var reader = new Utf8JsonReader(File.ReadAllBytes(file), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            long count = 0;
            while (reader.Read())
            {
                count++;
            }

            Interlocked.Add(ref tokens, count);
        });
        return clock.Elapsed.TotalSeconds;
    }

    private static (double Seconds, long PeakKb) Best(int repeat, Func<(double Seconds, long PeakKb)> run) =>
        Enumerable.Range(0, repeat).Select(_ => run()).OrderBy(r => r.Seconds).First();

    /// <summary>Runs a process to completion; wall time and peak resident memory (VmHWM, sampled from /proc).</summary>
    internal static (double Seconds, long PeakKb) Process(string file, string[] args, string folder)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        string status = $"/proc/{process.Id}/status";
        while (!process.WaitForExit(5))
        {
            peak = Math.Max(peak, HighWaterMark(status));
        }

        process.WaitForExit();
        clock.Stop();
        _ = stdout.Result + stderr.Result;
        return (clock.Elapsed.TotalSeconds, peak);
    }

    /// <summary>
    /// Wall time and CPU time (user + system, children included) of a process, through /usr/bin/time when it is
    /// there. On a shared machine the wall time is mostly waiting for a core; the CPU time is the work itself.
    /// </summary>
    internal static (double Wall, double? Cpu) Timed(string file, string[] args, string folder)
    {
        if (!File.Exists("/usr/bin/time"))
        {
            return (Process(file, args, folder).Seconds, null);
        }

        string report = Path.Combine(Path.GetTempPath(), "maplint-bench-time-" + Guid.NewGuid().ToString("N"));
        try
        {
            double wall = Process("/usr/bin/time", ["-q", "-o", report, "-f", "%U %S", file, .. args], folder).Seconds;
            var parts = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ');
            return (wall, double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return (Process(file, args, folder).Seconds, null);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static long HighWaterMark(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    /// <summary>Installs ajv-cli into the work folder with npm, when Node is there; returns its command or null.</summary>
    internal static string? AjvCli(string work)
    {
        try
        {
            var (_, _) = Process("npm", ["install", "--no-audit", "--no-fund", "--silent", "--prefix", work, "ajv-cli@5"], work);
            string ajv = Path.Combine(work, "node_modules", ".bin", "ajv");
            return File.Exists(ajv) ? ajv : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MapLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
