using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MapLint.Fuzzing;
using Xunit.Abstractions;

namespace MapLint.Cli.Tests;

/// <summary>
/// The byte fuzzer through the real CLI: a repository of mutated files of every kind (FuzzCorpus, ByteMutator,
/// shared with the in-process fuzzer), with a mutated maplint.json and .editorconfig at its root, checked in every
/// format by one process per format, so a batch costs a few processes. Oracles: exit code 0, 1 or 2; no stack
/// trace or exception type name; the same bytes twice; the same bytes (JSON and text with source, which the other
/// formats are made of) when the files are created in the opposite order; no planted credential whose context survived; no ESC, bidirectional override, Azure DevOps command or
/// forged line. One batch in CI; MAPLINT_FUZZ_CLI_BATCHES for more.
/// </summary>
public sealed class FuzzBatchTests : IDisposable
{
    private static readonly string[] Formats = ["text", "json", "sarif", "github", "azure", "junit"];
    private static readonly Regex StackTrace = new(@"^\s+at \S+\(|Unhandled exception|System\.[A-Za-z]+Exception|\bat MapLint\.", RegexOptions.Multiline);
    private static readonly Regex ForgedLine = new(@"^(forged\.json|::|error MSB|##)", RegexOptions.Multiline);
    private static readonly Regex AzureCommand = new(@"^##vso\[task\.logissue type=(error|warning);[^\]\n]*\]");

    private readonly string temp = Directory.CreateTempSubdirectory("maplint-fuzz-cli-").FullName;
    private readonly ITestOutputHelper output;

    public FuzzBatchTests(ITestOutputHelper output) => this.output = output;

    public void Dispose() => CliRunner.RunProcess("rm", ["-rf", temp], "/");

    private static int Batches => int.TryParse(Environment.GetEnvironmentVariable("MAPLINT_FUZZ_CLI_BATCHES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 1;

    /// <summary>The batch's files: (path, bytes), every seed kind at least once, each case in a folder of its own with its companions.</summary>
    private static List<(string Path, byte[] Bytes)> Batch(int batch, int perSeed)
    {
        var seeds = FuzzCorpus.Seeds;
        var files = new List<(string, byte[])>();
        int n = 0;
        foreach (var seed in seeds.Where(s => s.Kind != "maplintJson"))
        {
            for (int k = 0; k < perSeed; k++, n++)
            {
                int mutation = (batch * 1_000_003) + n;
                var (bytes, _) = ByteMutator.Mutate(seed.Bytes, seeds[(n * 7) % seeds.Count].Bytes, mutation, isZip: seed.Kind == "solutionZip");
                string folder = $"case-{n:D3}/";
                files.Add((folder + seed.Path, bytes));
                files.AddRange(seed.Companions.Select(c => (folder + c.Path, c.Bytes)));
            }
        }

        // The root's configuration, mutated too: it may exclude, rename or switch off anything, and must still be reported.
        var config = seeds.Single(s => s.Kind == "maplintJson");
        files.Add(("maplint.json", ByteMutator.Mutate(config.Bytes, FuzzCorpus.EditorConfig, batch).Bytes));
        files.Add((".editorconfig", ByteMutator.Mutate(FuzzCorpus.EditorConfig, config.Bytes, batch + 1).Bytes));
        return files;
    }

    /// <summary>Writes the files into a fresh repository at one fixed path, in the given order; the path never changes, so outputs compare byte for byte.</summary>
    private string Materialize(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        string repo = Path.Combine(temp, "repo");
        CliRunner.RunProcess("rm", ["-rf", repo], "/");
        Directory.CreateDirectory(repo);
        Assert.Equal(0, CliRunner.RunProcess("git", ["init", "-q", "."], repo).ExitCode);
        foreach (var (path, bytes) in files)
        {
            string full = Path.Combine(repo, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        return repo;
    }

    private static Dictionary<string, (int Exit, string Stdout, string Stderr)> RunAll(string repo) =>
        Formats.ToDictionary(f => f, f => CliRunner.RunIn(repo, "check", ".", "--no-cache", "--format", f, "--show-source", f == "text" ? "always" : "never"));

    private static string? Violation(string format, (int Exit, string Stdout, string Stderr) run, IReadOnlyCollection<string> secrets)
    {
        string all = run.Stdout + run.Stderr;
        if (run.Exit is not (0 or 1 or 2))
        {
            return $"exit {run.Exit}";
        }

        if (StackTrace.Match(all) is { Success: true } trace)
        {
            return $"a stack trace or exception name: '{trace.Value}'";
        }

        if (secrets.FirstOrDefault(s => all.Contains(s, StringComparison.Ordinal)) is { } secret)
        {
            return $"the planted secret {secret}";
        }

        if (all.IndexOfAny(['\u001b', '\u202E', '\u2066', '\u0007']) >= 0)
        {
            return "an ESC, BEL or bidirectional override";
        }

        foreach (var line in all.Split('\n'))
        {
            string rest = format == "azure" && AzureCommand.Match(line) is { Success: true } own ? line[own.Length..] : line;
            if (rest.Contains("##vso[", StringComparison.Ordinal) || rest.Contains("##[", StringComparison.Ordinal))
            {
                return $"an Azure DevOps command: {line}";
            }

            if (format == "text" && ForgedLine.Match(line) is { Success: true } forged)
            {
                return $"a line starting with '{forged.Value}': {line}";
            }

            if (format == "github" && line.StartsWith("::", StringComparison.Ordinal) && !Regex.IsMatch(line, "^::(error|warning|notice) (file=|title=MapLint::)"))
            {
                return $"a forged workflow command: {line}";
            }
        }

        return null;
    }

    [Fact]
    public void MutatedRepositoriesThroughTheRealCliKeepEveryOracle()
    {
        int perSeed = 2;
        int files = 0;
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var exits = new SortedDictionary<int, int>();
        for (int batch = 0; batch < Batches; batch++)
        {
            var set = Batch(batch, perSeed);
            files += set.Count;
            var secrets = set.SelectMany(f => FuzzCorpus.IntactSecrets(f.Bytes)).Distinct().ToList();
            var forward = RunAll(Materialize(set));
            foreach (var (format, run) in forward)
            {
                Assert.True(Violation(format, run, secrets) is not { } broke, $"batch {batch}, --format {format}: {Violation(format, run, secrets)}\n{run.Stdout[..Math.Min(4000, run.Stdout.Length)]}{run.Stderr}");
                exits[run.Exit] = exits.GetValueOrDefault(run.Exit) + 1;
            }

            // The same input twice, then the files created in the opposite order (the folder lists them differently).
            var again = CliRunner.RunIn(Path.Combine(temp, "repo"), "check", ".", "--no-cache", "--format", "text", "--show-source", "always");
            Assert.True(forward["text"] == again, $"batch {batch}: two runs on the same files differ");
            // In the formats every other is made of (JSON: every field of every finding; text: the source lines),
            // as the in-process fuzzer compares them: the other four would only repeat these processes.
            string repo = Materialize(Enumerable.Reverse(set));
            foreach (var format in (string[])["text", "json"])
            {
                var reversed = CliRunner.RunIn(repo, "check", ".", "--no-cache", "--format", format, "--show-source", format == "text" ? "always" : "never");
                Assert.True(forward[format] == reversed, $"batch {batch}, --format {format}: the output depends on the order the files were created in");
            }
        }

        output.WriteLine($"{Batches} batch(es), {files} mutated files, {Batches * (Formats.Length + 3)} CLI processes in {timer.Elapsed.TotalSeconds:F1} s; exit codes {string.Join(", ", exits.Select(e => $"{e.Key}: {e.Value}"))}");
    }
}
