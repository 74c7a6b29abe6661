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
        double empty = Enumerable.Range(0, 20).Select(_ => Harness.Process("dotnet", [bench, "noop"], work).Seconds).Order().ElementAt(10);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; empty .NET program {empty * 1000:0} ms (median of 20)");
        Console.WriteLine($"builds: {string.Join(", ", programs.Select(p => p.Label))}");
        Console.WriteLine();
        Console.WriteLine("| maps | build | full cold s | full cached s | cached ÷ ajv | hook cold s | hook cached s | hook cached ÷ empty .NET | floor s | ajv-cli s |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int size in sizes)
        {
            string corpus = Path.Combine(work, "n" + size.ToString(CultureInfo.InvariantCulture));
            CorpusGenerator.Write(corpus, size, 1);
            Harness.Process("git", ["init", "-q"], corpus);
            var files = Directory.GetFiles(corpus, "*.json", SearchOption.AllDirectories);
            double floor = Enumerable.Range(0, 5).Select(_ => Harness.Floor(files)).Min();
            double? ajvSeconds = ajv is null ? null : Enumerable.Range(0, repeat).Select(_ => Harness.Process(ajv, ["validate", "--spec=draft7", "--strict=false", "-s", Path.Combine(Harness.Root, "schemas", "tableMap.schema.json"), "-d", Path.Combine(corpus, "maps", "*.json")], corpus).Seconds).Min();
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

                double Best(string[] arguments, bool touch) => Enumerable.Range(0, repeat).Select(_ =>
                {
                    if (touch)
                    {
                        // The commit's change: the staged map differs from every version the cache has seen.
                        File.AppendAllText(map, "\n");
                    }

                    return Harness.Process(file, [.. prefix, .. arguments], corpus).Seconds;
                }).Min();

                double fullCold = Best([.. full, "--no-cache"], false);
                double hookCold = Best([.. hook, "--no-cache"], true);
                Harness.Process(file, [.. prefix, .. full], corpus); // fills the cache
                double fullCached = Best(full, false);
                double hookCached = Best(hook, true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size} | {label} | {fullCold:0.00} | {fullCached:0.00} | {(ajvSeconds is { } a ? (fullCached / a).ToString("0.00", CultureInfo.InvariantCulture) : "–")} | {hookCold:0.00} | {hookCached:0.00} | {hookCached / empty:0.0} | {floor:0.00} | {(ajvSeconds is { } b ? b.ToString("0.00", CultureInfo.InvariantCulture) : "–")} |"));
            }

            Directory.Delete(corpus, true);
        }

        Directory.Delete(work, true);
        return 0;
    }
}
