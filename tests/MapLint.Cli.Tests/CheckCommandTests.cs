using System.Text.Json;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

public class CheckCommandTests
{
    [Fact]
    public void ExamplesAreClean()
    {
        var (exit, stdout, stderr) = CliRunner.Run("check", "examples/", "--show-source", "never");
        Assert.Equal(0, exit);

        // The templates as published: two self-referencing lookups and the contacts/customers cycle, which `maplint plan` resolves.
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["DIPV2200", "DIPV2201", "DIPV2200"], lines.SkipLast(1).Select(l => Regex.Match(l, @"warning (DIPV\d+):").Groups[1].Value));
        Assert.Equal("0 errors, 3 warnings in 38 files", lines[^1]);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void BrokenKeyMapReportsOneDIPV1004AtItsPosition()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--show-source", "never");
        Assert.Equal(1, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var finding = Assert.Single(lines, l => l.Contains("DIPV", StringComparison.Ordinal));
        Assert.Matches(@"^examples/broken/DIPV1004/map\.json\(7,69\): error DIPV1004: Key field 'accountnumber' is mapped one way \('>'\)", finding);
        Assert.Equal("1 error, 0 warnings in 5 files", lines[^1]);
    }

    public static TheoryData<string> BrokenFolders() =>
        new(Directory.EnumerateDirectories(Path.Combine(CliRunner.Root, "examples", "broken")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    /// <summary>
    /// Rules that cannot occur alone. DIPV1017 (a lookup into a company-specific table without organization
    /// mappings) needs that table synchronized by some map, which is itself company-specific and so DIPV1016.
    /// </summary>
    private static readonly Dictionary<string, string[]> Companions = new() { ["DIPV1017"] = ["DIPV1016"] };

    [Theory]
    [MemberData(nameof(BrokenFolders))]
    public void EachBrokenExampleTriggersExactlyItsRule(string id)
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/" + id, "--show-source", "never");
        var ids = Regex.Matches(stdout, @": (?:error|warning|info) (DIPV\d{4}):").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Companions.GetValueOrDefault(id, []).Append(id).Order(StringComparer.Ordinal), ids);
        Assert.Equal(stdout.Contains(": error ", StringComparison.Ordinal) ? 1 : 0, exit);
    }

    [Fact]
    public void SourceLineAndCaretWhenAsked()
    {
        var (_, stdout, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--show-source", "always");
        Assert.Contains("  7 |     { \"source\": \"CUSTOMERACCOUNT\", \"direction\": \">\", \"destination\": \"accountnumber\" },\n", stdout, StringComparison.Ordinal);
        Assert.Contains("    |" + new string(' ', 69) + "^~~~~~~~~~~~~~~\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormatIsMachineReadable()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DIPV1004", diagnostic.GetProperty("id").GetString());
        Assert.Equal(7, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(69, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal("$.mappings[0].destination", diagnostic.GetProperty("jsonPath").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void WarnAsErrorFailsOnWarnings()
    {
        Assert.Equal(0, CliRunner.Run("check", "examples/broken/DIPV2106").ExitCode);
        Assert.Equal(1, CliRunner.Run("check", "examples/broken/DIPV2106", "--warnaserror").ExitCode);
    }

    [Theory]
    [InlineData("check", "no/such/folder")]
    [InlineData("check", "--format", "xml", "examples")]
    [InlineData("check", "src/MapLint.Cli/obj")]
    [InlineData("frobnicate")]
    public void BadUsageExitsWithTwo(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("maplint: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionAndHelp()
    {
        Assert.Equal("0.1.0\n", CliRunner.Run("--version").Stdout);
        Assert.Contains("check", CliRunner.Run("--help").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInputNeverShowsAStackTrace()
    {
        string folder = Directory.CreateTempSubdirectory("maplint-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "empty.json"), string.Empty);
            File.WriteAllText(Path.Combine(folder, "truncated.json"), "{ \"kind\": \"tableMap\", \"name\": ");
            File.WriteAllText(Path.Combine(folder, "types.json"), "{ \"kind\": \"tableMap\", \"name\": 1, \"source\": [], \"destination\": {}, \"mappings\": {} }");
            File.WriteAllText(Path.Combine(folder, "dupes.json"), "{ \"kind\": \"project\", \"kind\": \"project\" }");
            File.WriteAllText(Path.Combine(folder, "deep.json"), new string('[', 100_000) + new string(']', 100_000));
            File.WriteAllBytes(Path.Combine(folder, "binary.json"), Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
            var (exit, stdout, stderr) = CliRunner.Run("check", folder, "--show-source", "never");
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, stderr);
            foreach (var name in new[] { "empty", "truncated", "types", "dupes", "deep", "binary" })
            {
                Assert.Matches(new Regex(Regex.Escape(name) + @"\.json\(\d+,\d+\): error DIPV20\d\d: "), stdout);
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void GoldenOutputOverBrokenExamples()
    {
        var output = new System.Text.StringBuilder();
        foreach (var id in BrokenFolders())
        {
            var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/" + id, "--show-source", "always");
            output.Append("$ maplint check examples/broken/").Append(id).Append('\n').Append(stdout).Append("exit ").Append(exit).Append("\n\n");
        }

        string golden = Path.Combine(CliRunner.Root, "tests", "MapLint.Cli.Tests", "golden", "broken.txt");
        if (Environment.GetEnvironmentVariable("MAPLINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden + ".tmp", output.ToString());
            File.Move(golden + ".tmp", golden, overwrite: true);
        }

        Assert.True(File.Exists(golden), "golden file missing: run scripts/update-golden.sh");
        Assert.Equal(File.ReadAllText(golden), output.ToString());
    }
}
