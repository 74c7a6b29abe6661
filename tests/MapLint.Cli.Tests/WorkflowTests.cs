using NJsonSchema;

namespace MapLint.Cli.Tests;

/// <summary>Output formats, exit policy, configuration, baselines, explain and hooks, through the real CLI process.</summary>
public class WorkflowTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-workflow-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    private static string Golden(string name) => Path.Combine(CliRunner.Root, "tests", "MapLint.Cli.Tests", "golden", name);

    private static void AssertGolden(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("MAPLINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Golden(name) + ".tmp", actual);
            File.Move(Golden(name) + ".tmp", Golden(name), overwrite: true);
        }

        Assert.Equal(File.ReadAllText(Golden(name)), actual);
    }

    [Theory]
    [InlineData("examples/broken/DIPV1004", "broken-DIPV1004.sarif")]
    [InlineData("tests/MapLint.Cli.Tests/cases/sarif", "suppressed.sarif")]
    public async Task SarifIsValidAgainstTheOfficialSchemaAndMatchesItsGolden(string path, string golden)
    {
        var (exit, stdout, _) = CliRunner.Run("check", path, "--format", "sarif");
        Assert.Equal(1, exit);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "tests", "MapLint.Cli.Tests", "schemas", "sarif-2.1.0-rtm.5.json"));
        var errors = schema.Validate(stdout);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        AssertGolden(golden, stdout);
    }

    [Fact]
    public void SarifKeepsSuppressedFindingsMarked()
    {
        var (_, stdout, _) = CliRunner.Run("check", "tests/MapLint.Cli.Tests/cases/sarif", "--format", "sarif");
        Assert.Contains("\"kind\": \"inSource\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"justification\": \"Accounts are created in finance and operations only.\"", stdout, StringComparison.Ordinal);
        var (_, text, _) = CliRunner.Run("check", "tests/MapLint.Cli.Tests/cases/sarif", "--show-source", "never");
        Assert.EndsWith("1 error, 0 warnings in 5 files (1 suppressed)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubFormatPrintsWorkflowCommands()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--format", "github");
        Assert.Equal(1, exit);
        Assert.StartsWith(
            "::error file=examples/broken/DIPV1004/map.json,line=7,col=69,endLine=7,endColumn=84,title=DIPV1004::Key field 'accountnumber' is mapped one way ('>') but map 'Customers' syncs both ways;",
            stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void OutputFileGetsTheReportAndStdoutStaysEmpty()
    {
        string file = Path.Combine(temp, "out", "report.sarif");
        var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--format", "sarif", "--output", file);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(CliRunner.Run("check", "examples/broken/DIPV1004", "--format", "sarif").Stdout, File.ReadAllText(file));
        Assert.Equal(["report.sarif"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
    }

    [Fact]
    public void FailOnPolicy()
    {
        Assert.Equal(0, CliRunner.Run("check", "examples/broken/DIPV1004", "--fail-on", "none").ExitCode);
        Assert.Equal(0, CliRunner.Run("check", "examples/broken/DIPV2106", "--fail-on", "error").ExitCode);
        Assert.Equal(1, CliRunner.Run("check", "examples/broken/DIPV2106", "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void ExplainPrintsTheRulePage()
    {
        var (exit, stdout, _) = CliRunner.Run("explain", "dipv1004");
        Assert.Equal(0, exit);
        string page = File.ReadAllText(Path.Combine(CliRunner.Root, "docs", "rules", "DIPV1004.md"));
        if (CliRunner.NativeCli is null)
        {
            Assert.Equal(page, stdout);
        }
        else
        {
            // An installed MapLint (the native build) names its own command and points to the repository's example.
            string beforeExample = page[..page.IndexOf("## Example", StringComparison.Ordinal)];
            Assert.StartsWith(beforeExample, stdout, StringComparison.Ordinal);
            Assert.Contains("maplint check maps/", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("dotnet run --project", stdout, StringComparison.Ordinal);
        }

        var (unknown, _, stderr) = CliRunner.Run("explain", "DIPV104");
        Assert.Equal(2, unknown);
        Assert.Contains("Did you mean", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesListsEveryRule()
    {
        var lines = CliRunner.Run("rules").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("DIPV1004\terror\tIntegrationKey\tIntegration key field is not mapped both ways", lines);
        Assert.Equal(Directory.GetFiles(Path.Combine(CliRunner.Root, "docs", "rules"), "DIPV*.md").Length, lines.Length);
    }

    /// <summary>A small repository: fixture metadata, a connection set, a clean map and a broken one.</summary>
    private string Repository(bool git = true)
    {
        string repo = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
        Directory.CreateDirectory(Path.Combine(repo, "metadata"));
        Directory.CreateDirectory(Path.Combine(repo, "maps"));
        string source = Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004");
        File.Copy(Path.Combine(source, "metadata-finance-and-operations.json"), Path.Combine(repo, "metadata", "fo.json"));
        File.Copy(Path.Combine(source, "metadata-dataverse.json"), Path.Combine(repo, "metadata", "dataverse.json"));
        File.Copy(Path.Combine(source, "connection-set.json"), Path.Combine(repo, "connection-set.json"));
        File.Copy(Path.Combine(source, "customer-groups-map.json"), Path.Combine(repo, "maps", "customer-groups.json"));
        File.WriteAllText(Path.Combine(repo, "maps", "customers.json"), File.ReadAllText(Path.Combine(source, "map.json")).Replace("\"direction\": \">\"", "\"direction\": \"=\"", StringComparison.Ordinal));
        if (git)
        {
            CliRunner.RunProcess("git", ["init", "-q", "-b", "main"], repo);
        }

        return repo;
    }

    /// <summary>Maps the customers' key one way: one DIPV1004 error in the repository.</summary>
    private static void MapKeyOneWay(string repo)
    {
        string customers = Path.Combine(repo, "maps", "customers.json");
        File.WriteAllText(customers, File.ReadAllText(customers).Replace("\"direction\": \"=\", \"destination\": \"accountnumber\"", "\"direction\": \">\", \"destination\": \"accountnumber\"", StringComparison.Ordinal));
    }

    [Fact]
    public void HookModeResolvesAgainstTheWorkspaceAndReportsOnlyThePassedFiles()
    {
        string repo = Repository();
        File.WriteAllText(Path.Combine(repo, "maps", "other.json"), "{ \"kind\": \"tableMap\", ");
        string customers = Path.Combine(repo, "maps", "customers.json");
        File.WriteAllText(customers, File.ReadAllText(customers).Replace("\"destination\": \"name\"", "\"destination\": \"nmae\"", StringComparison.Ordinal));

        var (exit, stdout, _) = CliRunner.RunIn(repo, "check", "maps/customers.json", "--show-source", "never");
        Assert.Equal(1, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The unknown field needs the metadata under metadata/, which was not passed; the broken other.json is not reported.
        Assert.Contains(lines, l => l.StartsWith("maps/customers.json(", StringComparison.Ordinal) && l.Contains("DIPV1025", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("other.json", StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigurationFromTheCommandLine()
    {
        string repo = Repository(git: false);
        MapKeyOneWay(repo);
        Assert.Equal(1, CliRunner.RunIn(repo, "check", ".").ExitCode);

        // Checking maps/ alone: the configuration says where the metadata lives, so the key rule still runs.
        File.WriteAllText(Path.Combine(repo, "maplint.json"), "{ \"rules\": { \"DIPV1004\": \"warning\" }, \"metadata\": [\"metadata/*.json\"] }");
        var (exit, stdout, _) = CliRunner.RunIn(repo, "check", "maps", "--show-source", "never");
        Assert.Equal(0, exit);
        Assert.Contains("warning DIPV1004", stdout, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(temp, "strict.json"), "{ \"rules\": { \"DIPV1004\": \"error\" } }");
        Assert.Equal(1, CliRunner.RunIn(repo, "check", ".", "--config", Path.Combine(temp, "strict.json")).ExitCode);
        var (missing, _, stderr) = CliRunner.RunIn(repo, "check", ".", "--config", "nope.json");
        Assert.Equal(2, missing);
        Assert.StartsWith("maplint: configuration file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineRoundTripFromTheCommandLine()
    {
        string repo = Repository(git: false);
        MapKeyOneWay(repo);
        Assert.Equal(1, CliRunner.RunIn(repo, "check", ".").ExitCode);

        var (update, _, stderr) = CliRunner.RunIn(repo, "check", ".", "--baseline", "maplint.baseline.json", "--update-baseline");
        Assert.Equal(0, update);
        Assert.Equal("maplint: wrote 1 finding(s) to baseline maplint.baseline.json\n", stderr);
        var (exit, stdout, _) = CliRunner.RunIn(repo, "check", ".", "--baseline", "maplint.baseline.json", "--show-source", "never");
        Assert.Equal(0, exit);
        Assert.StartsWith("0 errors, 0 warnings", stdout, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.RunIn(repo, "check", ".", "--update-baseline").ExitCode);
    }

    [Fact]
    public void HookInstallNeverOverwritesWithoutForce()
    {
        string repo = Repository();
        var (exit, stdout, _) = CliRunner.RunIn(repo, "hook", "install");
        Assert.Equal(0, exit);
        string hook = Path.Combine(repo, ".git", "hooks", "pre-commit");
        Assert.Equal($"installed {hook}\n", stdout);
        Assert.Contains("exec maplint check --staged --show-source never", File.ReadAllText(hook), StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(hook) & UnixFileMode.UserExecute) != 0);

        File.WriteAllText(hook, "#!/bin/sh\necho mine\n");
        var (again, _, stderr) = CliRunner.RunIn(repo, "hook", "install");
        Assert.Equal(2, again);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal("#!/bin/sh\necho mine\n", File.ReadAllText(hook));
        Assert.Equal(0, CliRunner.RunIn(repo, "hook", "install", "--force").ExitCode);
        Assert.Contains("maplint check", File.ReadAllText(hook), StringComparison.Ordinal);
    }
}
