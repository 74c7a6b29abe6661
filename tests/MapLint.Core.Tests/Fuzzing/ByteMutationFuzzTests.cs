using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using MapLint.Configuration;
using MapLint.Fuzzing;
using MapLint.Reporting;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;
using Xunit.Abstractions;

namespace MapLint.Tests.Fuzzing;

/// <summary>
/// Byte-level fuzzing of every kind of file MapLint reads (<see cref="FuzzCorpus.Seeds"/>: maps, connection sets,
/// projects, MapLint and Dataverse metadata, $metadata XML, Web API export pages, Customizations.xml and
/// Solution.xml, zipped solutions, AL, app.json, maplint.json, .editorconfig, baselines) with the mutations of
/// <see cref="ByteMutator"/>, through the engine and every reporter. Oracles, on each case: nothing throws; the
/// same input gives the same bytes in every format; giving the files in reverse order changes nothing; no planted
/// credential whose context survived comes out; no output carries an ESC, a bidirectional override, an Azure
/// DevOps command or (text and GitHub formats) a line a name forged. 60 cases in CI; MAPLINT_FUZZ_CASES=100000
/// for the long mode (README, "Hostile repositories and secrets").
/// </summary>
public class ByteMutationFuzzTests
{
    private static readonly Regex ForgedLine = new(@"^(forged\.json|::|##|error MSB)", RegexOptions.Multiline);

    private readonly ITestOutputHelper output;

    public ByteMutationFuzzTests(ITestOutputHelper output) => this.output = output;

    private static int Cases(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("MAPLINT_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : ci;

    private static readonly IReadOnlyList<(string Path, byte[] Bytes)> Context =
        Fixture.Documents.Select(d => ("fixture/" + Path.GetFileName(d.Path), Encoding.UTF8.GetBytes(d.Text))).ToList();

    /// <summary>Every output format of one run, as the CLI writes them: (format, output).</summary>
    internal static List<(string Format, string Output)> RenderAll(LintResult result)
    {
        var all = new List<(string, string)>();
        foreach (bool showSource in (bool[])[true, false])
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            TextReporter.Write(result, text, showSource);
            all.Add((showSource ? "text --show-source" : "text", text.ToString()));
        }

        var json = new MemoryStream();
        JsonReporter.Write(result, json, "0.0.0-fuzz");
        all.Add(("json", Encoding.UTF8.GetString(json.ToArray())));
        all.Add(("sarif", SarifReporter.Write(result, "0.0.0-fuzz")));
        var github = new StringWriter(CultureInfo.InvariantCulture);
        GitHubReporter.Write(result, github);
        all.Add(("github", github.ToString()));
        var azure = new StringWriter(CultureInfo.InvariantCulture);
        AzurePipelinesReporter.Write(result, azure);
        all.Add(("azure", azure.ToString()));
        all.Add(("junit", JUnitReporter.Write(result)));
        return all;
    }

    internal static string Joined(List<(string Format, string Output)> outputs) => string.Concat(outputs.Select(o => "== " + o.Format + "\n" + o.Output));

    private static readonly Regex GitHubLine = new(@"^(::(error|warning|notice) file=[^\n]*|::notice title=MapLint::[^\n]*|[^:\n][^\n]*|)$");
    private static readonly Regex AzureCommand = new(@"^##vso\[task\.logissue type=(error|warning);[^\]\n]*\]");

    /// <summary>The oracles on every format's output; null when all hold, else what broke.</summary>
    internal static string? Violation(List<(string Format, string Output)> outputs, IEnumerable<string> secrets)
    {
        var secretList = secrets.ToList();
        foreach (var (format, text) in outputs)
        {
            foreach (var secret in secretList)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    return $"{format} prints the planted secret {secret}";
                }
            }

            if (text.IndexOfAny(['\u001b', '\u202E', '\u2066', '\u0007']) >= 0)
            {
                return $"{format} lets an ESC, BEL or a bidirectional override through";
            }

            foreach (var line in text.Split('\n'))
            {
                // Azure DevOps acts on its commands anywhere in a line: only the reporter's own, at the start.
                string rest = format == "azure" && AzureCommand.Match(line) is { Success: true } own ? line[own.Length..] : line;
                if (rest.Contains("##vso[", StringComparison.Ordinal) || rest.Contains("##[", StringComparison.Ordinal))
                {
                    return $"{format} lets an Azure DevOps command through: {line}";
                }

                if (format == "github" && !GitHubLine.IsMatch(line))
                {
                    return $"github: a line is not one workflow command: {line}";
                }

                if (format.StartsWith("text", StringComparison.Ordinal) && ForgedLine.Match(line) is { Success: true } forged)
                {
                    return $"{format}: a line starts with '{forged.Value}': {line}";
                }
            }
        }

        return null;
    }

    private static (string Path, byte[] Bytes)[] Workspace(FuzzCorpus.Seed seed, byte[] mutated) =>
        [.. Context, .. seed.Companions, ("case/" + seed.Path, mutated)];

    [Fact]
    public void EveryKindMutatedAtTheByteLevelKeepsEveryOracle()
    {
        int cases = Cases(60);
        var seeds = FuzzCorpus.Seeds;
        var gen =
            from index in Gen.Choose(0, seeds.Count - 1)
            from partner in Gen.Choose(0, seeds.Count - 1)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select (index, partner, seed);
        int ran = 0;
        var perKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var slowest = new Dictionary<string, double>(StringComparer.Ordinal);
        var timer = Stopwatch.StartNew();
        var property = Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var seed = seeds[input.index];
            var (mutated, how) = ByteMutator.Mutate(seed.Bytes, seeds[input.partner].Bytes, input.seed, isZip: seed.Kind == "solutionZip");
            string where = $"seed {seed.Kind} ({seed.Path}), partner {seeds[input.partner].Kind}, mutation seed {input.seed}: {how}";
            var documents = Workspace(seed, mutated);
            List<(string Format, string Output)> outputs;
            if (Environment.GetEnvironmentVariable("MAPLINT_FUZZ_LOG") is { Length: > 0 } started)
            {
                File.AppendAllText(started, $"start {input}: {where}\n");
            }

            var one = Stopwatch.StartNew();
            try
            {
                // The same files in reverse order must give the same bytes; only when they do not is a third run
                // needed, to tell an order dependence from output that differs run to run.
                outputs = RenderAll(Linter.Run(documents));
                string first = Joined(outputs);
                if (Joined(RenderAll(Linter.Run(documents.Reverse().ToArray()))) != first)
                {
                    Assert.Fail(Joined(RenderAll(Linter.Run(documents))) == first ? $"{where}: the output depends on the order of the files" : $"{where}: the same input gave different output");
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"{where}: the engine or a reporter threw", ex);
            }

            string? broke = Violation(outputs, FuzzCorpus.IntactSecrets(mutated));
            Assert.True(broke is null, $"{where}: {broke}");
            if (Environment.GetEnvironmentVariable("MAPLINT_FUZZ_LOG") is { Length: > 0 } log && one.Elapsed.TotalSeconds > 1)
            {
                lock (perKind)
                {
                    File.AppendAllText(log, $"{one.Elapsed.TotalSeconds:F1} s: {where}\n");
                }
            }

            lock (perKind)
            {
                perKind[seed.Kind] = perKind.GetValueOrDefault(seed.Kind) + 1;
                foreach (var name in how.Split('+'))
                {
                    slowest[name] = slowest.GetValueOrDefault(name) + one.Elapsed.TotalSeconds;
                }

                ran++;
            }

            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
        output.WriteLine($"{ran} byte-mutated workspaces in {timer.Elapsed.TotalSeconds:F1} s, oracles held (no exception, same output twice, order-independent, no planted secret, no injection)");
        output.WriteLine("cases per kind: " + string.Join(", ", perKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine("seconds per mutation: " + string.Join(", ", slowest.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value:F1}")));
        Assert.Equal(cases, ran);
        if (cases >= 1_000)
        {
            // The long mode reaches every kind; the CI count is a random sample of them.
            Assert.Equal(seeds.Select(s => s.Kind).Distinct().Count(), perKind.Count);
        }
    }

    /// <summary>maplint.json, .editorconfig and baselines are read from disk by their own loaders: mutated there.</summary>
    [Fact]
    public void ConfigurationFilesMutatedAtTheByteLevelAreReportedNeverThrown()
    {
        int cases = Cases(60);
        string folder = Directory.CreateTempSubdirectory("maplint-fuzz-config-").FullName;
        try
        {
            var maplintJson = FuzzCorpus.Seeds.Single(s => s.Kind == "maplintJson").Bytes;
            var kinds = new (string Name, byte[] Seed)[] { ("maplint.json", maplintJson), (".editorconfig", FuzzCorpus.EditorConfig), ("maplint.baseline.json", FuzzCorpus.Baseline) };
            var timer = Stopwatch.StartNew();
            for (int i = 0; i < cases; i++)
            {
                var (name, seedBytes) = kinds[i % kinds.Length];
                var (mutated, how) = ByteMutator.Mutate(seedBytes, kinds[(i / 3) % kinds.Length].Seed, i);
                string where = $"{name}, mutation seed {i}: {how}";
                foreach (var stale in Directory.GetFiles(folder, "*", new EnumerationOptions { AttributesToSkip = 0 }))
                {
                    File.Delete(stale);
                }

                string path = Path.Combine(folder, name);
                File.WriteAllBytes(path, mutated);
                string first, second;
                var one = Stopwatch.StartNew();
                try
                {
                    first = Describe(name, path, folder);
                    second = Describe(name, path, folder);
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException($"{where}: the loader threw", ex);
                }

                if (one.Elapsed.TotalSeconds > 1)
                {
                    output.WriteLine($"slow ({one.Elapsed.TotalSeconds:F1} s): {where}");
                }

                Assert.True(first == second, $"{where}: the same file read differently");
                string? broke = Violation([(name, first)], FuzzCorpus.IntactSecrets(mutated));
                Assert.True(broke is null, $"{where}: {broke}");
            }

            output.WriteLine($"{cases} mutated configuration files in {timer.Elapsed.TotalSeconds:F1} s: reported, never thrown, read the same twice");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string Describe(string name, string path, string folder)
    {
        switch (name)
        {
            case "maplint.baseline.json":
                var (baseline, error) = Baseline.Load(path);
                return error ?? $"baseline of {baseline!.EntryCount} entries";
            default:
                var loaded = ConfigLoader.Load(name == "maplint.json" ? path : null, folder, folder);
                if (loaded is null)
                {
                    return "no configuration";
                }

                var lines = loaded.Diagnostics.Select(d => OutputText.WholeLine(d.ToString()))
                    .Concat(loaded.Config.Severities.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
                return string.Join("\n", lines);
        }
    }
}
