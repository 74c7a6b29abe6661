using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace MapLint.Bench;

/// <summary>
/// `cold --sizes 2500,10000`: the cold full check (--no-cache) of generated workspaces, with their metadata and the
/// maps alone, each build beside its peers timed as processes in the same run: the read+tokenize floor (this
/// program's `floor` mode), ajv-cli validating the maps against the table-map schema, and an empty .NET start.
/// Wall, CPU (user + system) and peak RSS come from /usr/bin/time; allocated bytes and GC pauses from the checker
/// itself (MAPLINT_TIMINGS=1 makes it print them on stderr). The output's MD5 shows whether a change kept it.
/// `--one-table` writes every map onto one Dataverse table (the shape for "linear in maps per table").
/// </summary>
internal static class ColdHarness
{
    public static int Run(string[] args)
    {
        var sizes = Program.Arg(args, "--sizes", "2500,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        int repeat = int.Parse(Program.Arg(args, "--repeat", "1"), CultureInfo.InvariantCulture);
        bool oneTable = args.Contains("--one-table");
        var scopes = Program.Arg(args, "--scopes", "all,maps/").Split(',');
        if (Harness.Programs(args) is not { } programs)
        {
            return 2;
        }

        string work = Directory.CreateTempSubdirectory("maplint-bench-cold-").FullName;
        string? ajv = args.Contains("--no-ajv") ? null : Harness.AjvCli(work);
        string bench = typeof(Program).Assembly.Location;
        var starts = Enumerable.Range(0, 10).Select(_ => Timed("dotnet", [bench, "noop"], work)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; empty .NET program {starts.Select(s => s.Wall).Order().ElementAt(5) * 1000:0} ms wall (median of 10), {starts.Average(s => s.Cpu) * 1000:0} ms CPU (mean); load average {LoadAverage()}; best of {repeat}{(oneTable ? "; every map on one table" : string.Empty)}"));
        Console.WriteLine();
        Console.WriteLine("| maps | checked | MB | floor s (CPU) | ajv-cli s (CPU) | build | wall s | CPU s | peak RSS MB | allocated MB | GC pause s | ÷ floor wall (CPU) | ÷ ajv wall (CPU) | ÷ native wall (CPU) | output MD5 |");
        Console.WriteLine("|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (int size in sizes)
        {
            string corpus = Path.Combine(work, "n" + size.ToString(CultureInfo.InvariantCulture));
            CorpusGenerator.Write(corpus, size, 1, oneTable);
            Measure? ajvTime = ajv is null ? null : Best(repeat, () => Timed(ajv, ["validate", "--spec=draft7", "--strict=false", "-s", Path.Combine(Harness.Root, "schemas", "tableMap.schema.json"), "-d", Path.Combine(corpus, "maps", "*.json")], corpus));
            foreach (string scope in scopes)
            {
                string target = scope == "all" ? corpus : Path.Combine(corpus, "maps");
                double megabytes = Directory.GetFiles(target, "*.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
                // The floor's tokenizing loop compiled optimized from the start (tiered, it ran its first seconds unoptimized:
                // 2.4 s wall, 1.3 s CPU against 1.0 s and 0.6 s on 10,000 maps): the lowest floor, the strictest peer.
                var floor = Best(repeat + 1, () => Timed("dotnet", [bench, "floor", target], corpus, environment: ("DOTNET_TieredCompilation", "0")));
                Measure? native = null;
                foreach (var (label, file, prefix) in programs)
                {
                    string output = Path.Combine(work, "out.json");
                    var run = Best(repeat, () => Timed(file, [.. prefix, "check", target, "--no-cache", "--format", "json", "--output", output, "--fail-on", "none"], corpus, phases: true));
                    string md5 = File.Exists(output) ? Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(output)))[..12] : "none";
                    native ??= label == "native" ? run : null;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {size} | {scope} | {megabytes:0} | {floor.Wall:0.00} ({floor.Cpu:0.00}) | {(ajvTime is { } a ? $"{a.Wall:0.00} ({a.Cpu:0.00})" : "–")} | {label} | {run.Wall:0.00} | {run.Cpu:0.00} | {run.PeakKb / 1024.0:0} | {Opt(run.AllocatedMb, "0")} | {Opt(run.GcPauseSeconds, "0.00")} | {Ratios(run, floor)} | {(ajvTime is { } b ? Ratios(run, b) : "–")} | {(native is { } n ? Ratios(run, n) : "–")} | {md5} |"));
                }
            }

            Directory.Delete(corpus, true);
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        Directory.Delete(work, true);
        return 0;
    }

    /// <summary>`floor DIR`: the floor as a process: read every JSON file under DIR and tokenize it on all cores, nothing else.</summary>
    public static int Floor(string[] args)
    {
        string folder = args.Length > 1 ? args[1] : ".";
        Harness.Floor(Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories));
        return 0;
    }

    internal sealed record Measure(double Wall, double Cpu, long PeakKb, double? AllocatedMb, double? GcPauseSeconds);

    private static Measure Best(int repeat, Func<Measure> run)
    {
        var runs = Enumerable.Range(0, Math.Max(1, repeat)).Select(_ => run()).ToList();
        var best = runs.MinBy(r => r.Wall)!;
        return best with { Cpu = runs.Min(r => r.Cpu), PeakKb = runs.Min(r => r.PeakKb) };
    }

    /// <summary>Runs a process under /usr/bin/time: wall, user + system CPU and peak RSS; with <paramref name="phases"/>, what the checker says of its allocations.</summary>
    private static Measure Timed(string file, string[] args, string folder, bool phases = false, (string Name, string Value)? environment = null)
    {
        string report = Path.Combine(Path.GetTempPath(), "maplint-bench-time-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-q", "-o", report, "-f", "%U %S %M", file, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        if (phases)
        {
            start.Environment["MAPLINT_TIMINGS"] = "1";
        }

        if (environment is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        _ = stdout.Result;
        var parts = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ');
        File.Delete(report);
        double? allocated = null, paused = null;
        foreach (var line in stderr.Result.Split('\n'))
        {
            // "maplint timings: GC allocated 1234.5 MB paused 0.123 s gen0 ..." (see Util.Timings)
            if (line.StartsWith("maplint timings: GC allocated ", StringComparison.Ordinal))
            {
                var words = line.Split(' ');
                allocated = double.Parse(words[Array.IndexOf(words, "allocated") + 1], CultureInfo.InvariantCulture);
                paused = double.Parse(words[Array.IndexOf(words, "paused") + 1], CultureInfo.InvariantCulture);
            }
        }

        return new Measure(clock.Elapsed.TotalSeconds, double.Parse(parts[0], CultureInfo.InvariantCulture) + double.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), allocated, paused);
    }

    private static string Ratios(Measure a, Measure b) =>
        string.Create(CultureInfo.InvariantCulture, $"{a.Wall / b.Wall:0.00} ({(b.Cpu > 0 ? (a.Cpu / b.Cpu).ToString("0.00", CultureInfo.InvariantCulture) : "–")})");

    private static string Opt(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
