using System.Globalization;

namespace MapLint.Bench;

/// <summary>
/// The summary cache and the hook, as whole processes on generated repositories (git repositories, as a hook
/// sees them): a full check cold (--no-cache) and cached, and a one-map hook run (the staged map passed, the
/// rest of the workspace loaded) cold and cached, beside an empty .NET program's start, ajv-cli and the floor.
/// </summary>
public static class CacheHarness
{
    public static int Run(string[] args)
    {
        var sizes = Program.Arg(args, "--sizes", "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        int repeat = int.Parse(Program.Arg(args, "--repeat", "3"), CultureInfo.InvariantCulture);
        var programs = Harness.Programs(args);
        if (programs is null)
        {
            return 2;
        }

        string work = Directory.CreateTempSubdirectory("maplint-bench-cache-").FullName;
        string? ajv = Harness.AjvCli(work);
        string bench = typeof(Program).Assembly.Location;
        // Wall times on a shared machine are mostly waiting for a core: the CPU time (user + system) is shown
        // beside each, and each ratio is given for both. The empty program's CPU time is the mean of 20 (the
        // clock counts in 10 ms), its wall time the median.
        var starts = Enumerable.Range(0, 20).Select(_ => Harness.Timed("dotnet", [bench, "noop"], work)).ToList();
        double empty = starts.Select(t => t.Wall).Order().ElementAt(10);
        double? emptyCpu = starts.All(t => t.Cpu is not null) ? Math.Max(0.005, starts.Average(t => t.Cpu!.Value)) : null;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; empty .NET program {empty * 1000:0} ms wall (median of 20), {Cpu(emptyCpu, 1000, "0")} ms CPU (mean); load average {LoadAverage()}");
        Console.WriteLine($"builds: {string.Join(", ", programs.Select(p => p.Label))}; best of {repeat} (wall; CPU of the same runs, least)");
        Console.WriteLine();
        Console.WriteLine("| maps | build | full cold s (CPU) | full cached s (CPU) | cached ÷ ajv wall (CPU) | hook cold s (CPU) | hook cached s (CPU) | hook cached ÷ empty .NET wall (CPU) | floor s | ajv-cli s (CPU) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int size in sizes)
        {
            string corpus = Path.Combine(work, "n" + size.ToString(CultureInfo.InvariantCulture));
            CorpusGenerator.Write(corpus, size, 1);
            Harness.Process("git", ["init", "-q"], corpus);
            // Stamps are trusted only for files last changed two seconds before a run began (git's racy-clean rule).
            Thread.Sleep(2500);
            var files = Directory.GetFiles(corpus, "*.json", SearchOption.AllDirectories);
            double floor = Enumerable.Range(0, 5).Select(_ => Harness.Floor(files)).Min();
            var ajvTime = ajv is null ? ((double, double?)?)null : Best(repeat, () => Harness.Timed(ajv, ["validate", "--spec=draft7", "--strict=false", "-s", Path.Combine(Harness.Root, "schemas", "tableMap.schema.json"), "-d", Path.Combine(corpus, "maps", "*.json")], corpus));
            string map = Directory.GetFiles(Path.Combine(corpus, "maps")).Order(StringComparer.Ordinal).ElementAt(size / 2);
            string staged = Path.GetRelativePath(corpus, map);
            string[] full = ["check", ".", "--format", "json", "--output", Path.Combine(work, "out.json"), "--fail-on", "none"];
            string[] hook = ["check", "--show-source", "never", "--fail-on", "none", staged];
            foreach (var (label, file, prefix) in programs)
            {
                string cache = Path.Combine(corpus, ".maplint");
                if (Directory.Exists(cache))
                {
                    Directory.Delete(cache, true);
                }

                (double Wall, double? Cpu) Run(string[] arguments, bool touch) => Best(repeat, () =>
                {
                    if (touch)
                    {
                        // The commit's change: the staged map differs from every version the cache has seen.
                        File.AppendAllText(map, "\n");
                    }

                    return Harness.Timed(file, [.. prefix, .. arguments], corpus);
                });

                var fullCold = Run([.. full, "--no-cache"], false);
                var hookCold = Run([.. hook, "--no-cache"], true);
                Harness.Process(file, [.. prefix, .. full], corpus); // fills the cache
                var fullCached = Run(full, false);
                var hookCached = Run(hook, true);
                string ajvRatio = ajvTime is { } a ? $"{fullCached.Wall / a.Item1:0.00} ({Ratio(fullCached.Cpu, a.Item2)})" : "–";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size} | {label} | {fullCold.Wall:0.00} ({Cpu(fullCold.Cpu)}) | {fullCached.Wall:0.00} ({Cpu(fullCached.Cpu)}) | {ajvRatio} | {hookCold.Wall:0.00} ({Cpu(hookCold.Cpu)}) | {hookCached.Wall:0.00} ({Cpu(hookCached.Cpu)}) | {hookCached.Wall / empty:0.0} ({Ratio(hookCached.Cpu, emptyCpu, "0.0")}) | {floor:0.00} | {(ajvTime is { } b ? $"{b.Item1:0.00} ({Cpu(b.Item2)})" : "–")} |"));
            }

            Directory.Delete(corpus, true);
        }

        Directory.Delete(work, true);
        return 0;
    }

    private static (double Wall, double? Cpu) Best(int repeat, Func<(double Wall, double? Cpu)> run)
    {
        var runs = Enumerable.Range(0, repeat).Select(_ => run()).ToList();
        return (runs.Min(r => r.Wall), runs.All(r => r.Cpu is not null) ? runs.Min(r => r.Cpu!.Value) : null);
    }

    private static string Cpu(double? seconds, double scale = 1, string format = "0.00") =>
        seconds is { } s ? (s * scale).ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Ratio(double? a, double? b, string format = "0.00") =>
        a is { } x && b is { } y && y > 0 ? (x / y).ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
