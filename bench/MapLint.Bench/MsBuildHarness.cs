using System.Diagnostics;
using System.Globalization;
using MapLint.Testing;

namespace MapLint.Bench;

/// <summary>
/// The MSBuild task on a generated project (maps, metadata, a connection set) referencing the packed
/// MapLint.Build package: a no-op build (nothing changed: the lint target is skipped) beside a build after one
/// map was touched (the target runs; the engine's summaries in obj/ are reused for the rest). Both with
/// --no-restore, so the ratio is of the builds themselves; node reuse off, so no build server outlives the run.
/// </summary>
public static class MsBuildHarness
{
    public static int Run(string[] args)
    {
        var sizes = Program.Arg(args, "--sizes", "1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        int repeat = int.Parse(Program.Arg(args, "--repeat", "3"), CultureInfo.InvariantCulture);
        string work = Directory.CreateTempSubdirectory("maplint-bench-msbuild-").FullName;
        string feed = Path.Combine(work, "feed");
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages"), ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        var (packed, packOutput) = Build(["pack", Path.Combine(Harness.Root, "src", "MapLint.Build", "MapLint.Build.csproj"), "-c", "Release", "-p:PackMapLintBuild=true", "--output", feed], Harness.Root, env);
        if (packed.Exit != 0)
        {
            Console.Error.WriteLine("packing MapLint.Build failed:\n" + packOutput);
            return 1;
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; best of {repeat}");
        Console.WriteLine();
        Console.WriteLine("| maps | no-op build s | touch one map s | touch ÷ no-op | touch, no summary cache s | that ÷ no-op |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (int size in sizes)
        {
            string project = Path.Combine(work, "n" + size.ToString(CultureInfo.InvariantCulture));
            CorpusGenerator.Write(project, size, 1);
            ConsumerProject.Write(project, "Maps", feed);
            var (first, output) = Build(["build", "--nologo", "-nodeReuse:false"], project, env);
            if (first.Exit != 0)
            {
                Console.Error.WriteLine("the first build failed:\n" + output);
                return 1;
            }

            string map = Directory.GetFiles(Path.Combine(project, "maps")).Order(StringComparer.Ordinal).ElementAt(size / 2);
            string[] build = ["build", "--nologo", "--no-restore", "-nodeReuse:false"];
            double noOp = Enumerable.Range(0, repeat).Select(_ => Build(build, project, env).Run.Seconds).Min();
            double Touched(string[] arguments) => Enumerable.Range(0, repeat).Select(_ =>
            {
                // A real edit: the map's content differs from every version the cache has seen.
                File.AppendAllText(map, "\n");
                return Build(arguments, project, env).Run.Seconds;
            }).Min();

            double touch = Touched(build);
            string summaries = Path.Combine(project, "obj", "Debug", "net10.0", "maplint");
            double uncached = Enumerable.Range(0, repeat).Select(_ =>
            {
                if (Directory.Exists(summaries))
                {
                    Directory.Delete(summaries, true);
                }

                File.AppendAllText(map, "\n");
                return Build(build, project, env).Run.Seconds;
            }).Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size} | {noOp:0.00} | {touch:0.00} | {touch / noOp:0.00} | {uncached:0.00} | {uncached / noOp:0.00} |"));
            Directory.Delete(project, true);
        }

        Directory.Delete(work, true);
        return 0;
    }

    private static ((int Exit, double Seconds) Run, string Output) Build(string[] args, string folder, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        return ((process.ExitCode, clock.Elapsed.TotalSeconds), stdout.Result + stderr.Result);
    }
}
