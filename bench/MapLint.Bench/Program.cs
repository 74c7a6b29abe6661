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
            "run" => Harness.Run(args.Skip(1).ToArray()),
            "stages" => Stages(args),
            _ => Usage(),
        };
    }

    private static int Generate(string[] args)
    {
        int maps = int.Parse(Arg(args, "--maps", "1000"), CultureInfo.InvariantCulture);
        int seed = int.Parse(Arg(args, "--seed", "1"), CultureInfo.InvariantCulture);
        string output = Arg(args, "--out", "corpus");
        CorpusGenerator.Write(output, maps, seed);
        Console.WriteLine($"wrote {maps} maps to {output}");
        return 0;
    }

    private static int Stages(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray());
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: MapLint.Bench generate --maps N [--seed S] --out DIR | run [--sizes 1000,5000,10000] [--seed S] | stages [BenchmarkDotNet options]");
        return 2;
    }

    public static string Arg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
