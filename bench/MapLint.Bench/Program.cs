using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;

namespace MapLint.Bench;

/// <summary>
/// MapLint's benchmark harness. `generate` writes a corpus; `run` measures the whole process on corpora of
/// several sizes beside the read+tokenize floor (and ajv-cli when Node is installed); `stages` runs
/// BenchmarkDotNet over the in-process stages; `noop` is the empty program whose start-up is the reference.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] == "noop")
        {
            return 0; // returns before touching anything: the start-up of an (almost) empty .NET program
        }

        return args[0] switch
        {
            "generate" => Generate(args),
            "generate-al" => GenerateAl(args),
            "run" => Harness.Run(args.Skip(1).ToArray()),
            "cache" => CacheHarness.Run(args.Skip(1).ToArray()),
            "cold" => ColdHarness.Run(args.Skip(1).ToArray()),
            "floor" => ColdHarness.Floor(args),
            "service" => ServiceHarness.Run(args.Skip(1).ToArray()),
            "msbuild" => MsBuildHarness.Run(args.Skip(1).ToArray()),
            "stages" => Stages(args),
            "warm" => Warm(args),
            "lsp" => LspLatency.Run(args),
            "hostile" => HostileHarness.Run(args.Skip(1).ToArray()),
            _ => Usage(),
        };
    }

    private static int Generate(string[] args)
    {
        int maps = int.Parse(Arg(args, "--maps", "1000"), CultureInfo.InvariantCulture);
        int seed = int.Parse(Arg(args, "--seed", "1"), CultureInfo.InvariantCulture);
        string output = Arg(args, "--out", "corpus");
        CorpusGenerator.Write(output, maps, seed, oneTable: args.Contains("--one-table"));
        Console.WriteLine($"wrote {maps} maps to {output}");
        return 0;
    }

    /// <summary>`generate-al --files N --out DIR`: a Business Central AL repository of N files (see <see cref="AlCorpusGenerator"/>).</summary>
    private static int GenerateAl(string[] args)
    {
        int files = int.Parse(Arg(args, "--files", "1000"), CultureInfo.InvariantCulture);
        string output = Arg(args, "--out", "al-corpus");
        AlCorpusGenerator.Write(output, files);
        Console.WriteLine($"wrote {files} AL files to {output}");
        return 0;
    }

    /// <summary>
    /// Runs the whole check in-process several times on one corpus: the first run pays for JIT and type loading,
    /// the later ones show the steady-state cost, so the two can be told apart.
    /// </summary>
    private static int Warm(string[] args)
    {
        string folder = Arg(args, "--corpus", "corpus");
        int repeat = int.Parse(Arg(args, "--repeat", "5"), CultureInfo.InvariantCulture);
        string stage = Arg(args, "--stage", "check");
        using var listener = args.Contains("--alloc") ? new AllocationListener() : null;
        var files = MapLint.Workspace.FileDiscovery.Discover([folder], folder).Files;
        var contents = stage == "check" ? [] : files.Select(f => File.ReadAllBytes(f.FullPath)).ToList();
        for (int i = 0; i < repeat; i++)
        {
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
            var paused = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            object?[] kept = new object?[files.Count];
            int diagnostics = 0;
            using var sampler = listener is null ? null : new HeapSampler();
            switch (stage)
            {
                case "parse" or "parse-drop":
                    Parallel.For(0, files.Count, j =>
                    {
                        var bag = new MapLint.Diagnostics.DiagnosticBag(files[j].DisplayPath, null);
                        kept[j] = MapLint.Syntax.SourceDecoder.Decode(contents[j], bag) is { } text ? MapLint.Syntax.JsonParser.Parse(text, bag) : null;
                        if (stage == "parse-drop") { kept[j] = null; }
                    });
                    break;
                case "load":
                    Parallel.For(0, files.Count, j => kept[j] = MapLint.Workspace.DocumentLoader.Load(files[j], contents[j], new MapLint.Diagnostics.DiagnosticBag(files[j].DisplayPath, null)));
                    break;
                default:
                    // --cache DIR: through the summary cache (the first run fills it, the next ones read it).
                    string cacheFolder = Arg(args, "--cache", string.Empty);
                    var result = Linter.Run(files, new LintOptions { Cache = cacheFolder.Length > 0 ? MapLint.Engine.SummaryCache.Open(cacheFolder) : null });
                    kept[0] = result;
                    diagnostics = result.Diagnostics.Count;
                    foreach (var (phase, elapsed) in result.Phases)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {elapsed.TotalMilliseconds,7:0} ms  {phase}"));
                    }

                    break;
            }

            clock.Stop();
            sampler?.Report();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stage} {i + 1}: {clock.Elapsed.TotalMilliseconds:0} ms, {diagnostics} diagnostics, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0} MB, gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms, heap after {GC.GetTotalMemory(false) / 1048576.0:0} MB, live {GC.GetTotalMemory(true) / 1048576.0:0} MB"));
            GC.KeepAlive(kept);
        }

        foreach (var (type, bytes) in listener?.Top(25) ?? [])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0,10:0.0} MB  {type}"));
        }

        foreach (var (collection, count) in listener?.Collections() ?? [])
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,6}  {collection}"));
        }

        return 0;
    }

    private static int Stages(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray());
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: MapLint.Bench generate --maps N [--seed S] [--one-table] --out DIR | generate-al --files N --out DIR | run [--sizes 1000,5000,10000] [--seed S] | cache [--sizes 1000,10000] [--repeat N] [--builds native,JIT,ReadyToRun] | cold [--sizes 2500,10000] [--repeat N] [--builds ...] [--scopes all,maps/] [--one-table] [--no-ajv] | floor DIR | service [--maps 10000] [--repeat N] [--builds native,JIT] | msbuild [--sizes 1000] [--repeat N] | stages [BenchmarkDotNet options] | lsp --maps N [--edits E] [--server PATH] [--debounce both|default|MS] [--in-process] | hostile [--size N]");
        return 2;
    }

    public static string Arg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
