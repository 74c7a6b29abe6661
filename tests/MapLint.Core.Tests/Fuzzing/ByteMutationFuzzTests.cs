using System.Collections.Concurrent;
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
/// DevOps command or (text and GitHub formats) a line a name forged. Numbered cases (<see cref="FuzzCases"/>): 60
/// in CI; MAPLINT_FUZZ_CASES, _FROM and _WORKERS for the long mode (README, "Hostile repositories and secrets").
/// </summary>
public class ByteMutationFuzzTests
{
    private static readonly Regex ForgedLine = new(@"^(forged\.json|::|##|error MSB)", RegexOptions.Multiline);

    private readonly ITestOutputHelper output;

    public ByteMutationFuzzTests(ITestOutputHelper output) => this.output = output;

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
                if (text.IndexOf(secret, StringComparison.Ordinal) is int at and >= 0)
                {
                    int start = text.LastIndexOf('\n', at) + 1;
                    int end = text.IndexOf('\n', at) is int e and >= 0 ? e : text.Length;
                    return $"{format} prints the planted secret {secret}: {text[start..end]}";
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

    /// <summary>Case n: the seed, its splice partner and the mutation seed, all from n.</summary>
    internal static (FuzzCorpus.Seed Seed, FuzzCorpus.Seed Partner, int Mutation) Case(long n)
    {
        ulong mixed = FuzzCases.Mix(n);
        var seeds = FuzzCorpus.Seeds;
        return (seeds[(int)(mixed % (ulong)seeds.Count)], seeds[(int)((mixed >> 20) % (ulong)seeds.Count)], (int)((mixed >> 34) & int.MaxValue));
    }

    // The reversed run is also sequential: the CLI's run schedules files over the cores, this one in order, so
    // equal output also says that scheduling changes nothing.
    private static readonly LintOptions Sequential = new() { MaxDegreeOfParallelism = 1 };

    [Fact]
    public void EveryKindMutatedAtTheByteLevelKeepsEveryOracle()
    {
        var perKind = FuzzCases.Run(output, nameof(EveryKindMutatedAtTheByteLevelKeepsEveryOracle), 60, n =>
        {
            var (seed, partner, mutation) = Case(n);
            var (mutated, how) = ByteMutator.Mutate(seed.Bytes, partner.Bytes, mutation, isZip: seed.Kind == "solutionZip");
            string where = $"seed {seed.Kind} ({seed.Path}), partner {partner.Kind} ({partner.Path}), mutation seed {mutation}: {how}";
            var documents = Workspace(seed, mutated);
            List<(string Format, string Output)> outputs;
            try
            {
                // The same files in reverse order must give the same bytes; only when they do not is a third run
                // needed, to tell an order dependence from output that differs run to run.
                outputs = RenderAll(Linter.Run(documents));
                string first = Joined(outputs);
                if (Joined(RenderAll(Linter.Run(documents.Reverse().ToArray(), Sequential))) != first)
                {
                    return new(seed.Kind, Joined(RenderAll(Linter.Run(documents))) == first ? $"{where}: the output depends on the order of the files" : $"{where}: the same input gave different output");
                }
            }
            catch (Exception ex)
            {
                return new(seed.Kind, $"{where}: the engine or a reporter threw {ex}");
            }

            return new(seed.Kind, Violation(outputs, FuzzCorpus.IntactSecrets(documents.Select(d => d.Bytes))) is { } broke ? $"{where}: {broke}" : null);
        });

        if (perKind.Values.Sum() >= 1_000)
        {
            // The long mode reaches every kind; the CI count is a sample of them.
            Assert.Equal(FuzzCorpus.Seeds.Select(s => s.Kind).Distinct().Count(), perKind.Count);
        }
    }

    /// <summary>
    /// maplint.json, .editorconfig and baselines are read from disk by their own loaders: mutated there, and
    /// checked as the CLI checks them (the configuration's findings beside the workspace's, the baseline applied,
    /// or the one line a baseline that cannot be read gives), in every format. The oracles look at what those
    /// fronts print, nothing else. Case n is the kind n mod 3 with mutation seed n.
    /// </summary>
    [Fact]
    public void ConfigurationFilesMutatedAtTheByteLevelAreReportedNeverThrown()
    {
        var maplintJson = FuzzCorpus.Seeds.Single(s => s.Kind == "maplintJson").Bytes;
        var kinds = new (string Name, byte[] Seed)[] { ("maplint.json", maplintJson), (".editorconfig", FuzzCorpus.EditorConfig), ("maplint.baseline.json", FuzzCorpus.Baseline) };
        var map = FuzzCorpus.Seeds.First(s => s.Kind == "tableMap");
        var folders = new ConcurrentBag<string>();
        try
        {
            FuzzCases.Run(output, nameof(ConfigurationFilesMutatedAtTheByteLevelAreReportedNeverThrown), 60, n =>
            {
                var (name, seedBytes) = kinds[n % kinds.Length];
                var (mutated, how) = ByteMutator.Mutate(seedBytes, kinds[(n / 3) % kinds.Length].Seed, (int)(n & int.MaxValue));
                string where = $"{name}, mutation seed {n}: {how}";
                if (!folders.TryTake(out var folder))
                {
                    // One workspace per worker: the fixture and a map with planted credentials, the configuration beside them.
                    folder = Directory.CreateTempSubdirectory("maplint-fuzz-config-").FullName;
                    foreach (var (path, bytes) in Context.Append(("maps/" + Path.GetFileName(map.Path), map.Bytes)))
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
                        File.WriteAllBytes(Path.Combine(folder, path), bytes);
                    }
                }

                try
                {
                    foreach (var stale in kinds)
                    {
                        File.Delete(Path.Combine(folder, stale.Name));
                    }

                    File.WriteAllBytes(Path.Combine(folder, name), mutated);
                    List<(string Format, string Output)> outputs;
                    string second;
                    try
                    {
                        outputs = Check(name, folder);
                        second = Joined(Check(name, folder));
                    }
                    catch (Exception ex)
                    {
                        return new(name, $"{where}: the loader or the check threw {ex}");
                    }

                    if (Joined(outputs) != second)
                    {
                        return new(name, $"{where}: the same files checked differently");
                    }

                    var secrets = FuzzCorpus.IntactSecrets([mutated, map.Bytes]);
                    return new(name, Violation(outputs, secrets) is { } broke ? $"{where}: {broke}" : null);
                }
                finally
                {
                    folders.Add(folder);
                }
            });
        }
        finally
        {
            foreach (var folder in folders)
            {
                Directory.Delete(folder, true);
            }
        }
    }

    /// <summary>What <c>maplint check FOLDER</c> prints with this configuration: every format, or the line an unreadable baseline gives.</summary>
    private static List<(string Format, string Output)> Check(string name, string folder)
    {
        var loaded = ConfigLoader.Load(null, folder, folder)!;
        var files = FileDiscovery.Discover([folder], folder, loaded.Config).Files;
        var result = Linter.Run(files, new LintOptions { Config = loaded.Config, DisplayPath = p => FileDiscovery.ToDisplayPath(p, folder) });
        result = result.WithExtra(loaded.Findings(result));
        if (name == "maplint.baseline.json")
        {
            var (baseline, error) = Baseline.Load(Path.Combine(folder, name));
            if (baseline is null)
            {
                return [("stderr", "maplint: " + error + "\n")];
            }

            var fresh = baseline.NewFindings(result.Diagnostics, folder).ToHashSet();
            result = result.Restrict(fresh.Contains, result.FileCount);
        }

        return RenderAll(result);
    }
}
