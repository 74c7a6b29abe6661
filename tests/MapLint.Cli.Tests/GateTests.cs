using System.Text.Json;
using System.Xml.Linq;

namespace MapLint.Cli.Tests;

/// <summary>
/// Paths that used to pass, or crash, where `maplint check` should fail or explain: usage errors, globs, the
/// CI formats, SARIF for code scanning and Azure DevOps, and an import that must not replace good metadata.
/// </summary>
public class GateTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-gate-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    [Fact]
    public void AnUnknownOptionIsAParseErrorWithTheClosestOption()
    {
        var (exit, stdout, stderr) = CliRunner.Run("check", "examples/", "--baselin", "x.json");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Unrecognized option '--baselin'. Did you mean '--baseline'?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("path not found", stderr, StringComparison.Ordinal);

        var (hookExit, _, hookError) = CliRunner.Run("hook", "install", "--frce");
        Assert.Equal(2, hookExit);
        Assert.Contains("'--frce'. Did you mean '--force'?", hookError, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsTheExitCodes()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Exit codes:\n  0  no errors", stdout, StringComparison.Ordinal);
        Assert.Contains("\n  2  bad usage", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingBaselineIsAUsageErrorUnlessItIsBeingWritten()
    {
        var (exit, _, stderr) = CliRunner.Run("check", "examples/", "--baseline", Path.Combine(temp, "typo.json"));
        Assert.Equal(2, exit);
        Assert.Contains("baseline file not found", stderr, StringComparison.Ordinal);

        string baseline = Path.Combine(temp, "maplint.baseline.json");
        Assert.Equal(0, CliRunner.Run("check", "examples/", "--baseline", baseline, "--update-baseline").ExitCode);
        Assert.True(File.Exists(baseline));
    }

    [Fact]
    public void ConflictingOptionsAreAUsageError()
    {
        var (exit, _, stderr) = CliRunner.Run("check", "examples/broken/DIPV2106", "--warnaserror", "--fail-on", "none");
        Assert.Equal(2, exit);
        Assert.Contains("--warnaserror (= --fail-on warning) conflicts with --fail-on none", stderr, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("check", "examples/broken/DIPV2106", "--warnaserror", "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void AGlobChecksLikeTheFilesItNamesWithTheMetadataRulesAndTheExcludes()
    {
        // Before: a glob skipped the metadata rules (the folder walk did not) and ignored "exclude".
        string repo = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
        string source = Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1025");
        Directory.CreateDirectory(Path.Combine(repo, "maps", "drafts"));
        Directory.CreateDirectory(Path.Combine(repo, "metadata"));
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(repo, Path.GetFileName(file).StartsWith("metadata-", StringComparison.Ordinal) ? "metadata" : "maps", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(repo, "maps", "drafts", "draft.json"), "{ \"kind\": \"tableMap\", ");
        File.WriteAllText(Path.Combine(repo, "maplint.json"), "{ \"exclude\": [\"maps/drafts/**\"] }");
        var (exit, stdout, _) = CliRunner.RunIn(repo, "check", "maps/**/*.json", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Contains("maps/map.json(", stdout, StringComparison.Ordinal);
        Assert.Contains("error DIPV1025", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("draft.json", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureFormatWritesLogIssueCommands()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--format", "azure");
        Assert.Equal(1, exit);
        Assert.StartsWith("##vso[task.logissue type=error;sourcepath=examples/broken/DIPV1004/map.json;linenumber=7;columnnumber=69;code=DIPV1004;]Key field 'accountnumber' is mapped one way", stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 error, 0 warnings in 5 files\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnitFormatHasAFailingCasePerFindingAndAPassingCasePerCleanFile()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--format", "junit");
        Assert.Equal(1, exit);
        var root = XDocument.Parse(stdout).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("5", root.Attribute("tests")!.Value);
        Assert.Equal("1", root.Attribute("failures")!.Value);
        var failure = Assert.Single(root.Descendants("failure"));
        Assert.Equal("DIPV1004 (7,69)", failure.Parent!.Attribute("name")!.Value);
        Assert.Equal("examples/broken/DIPV1004/map.json", failure.Parent!.Attribute("classname")!.Value);
        Assert.Equal("error", failure.Attribute("type")!.Value);
    }

    private static JsonElement Run(JsonDocument sarif) => sarif.RootElement.GetProperty("runs")[0];

    [Fact]
    public void SarifFingerprintsSurviveUnrelatedEditsAndCarryWhatAzureDevOpsNeeds()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "case")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        (int Line, string Fingerprint) Finding()
        {
            var (_, stdout, _) = CliRunner.RunIn(folder, "check", ".", "--format", "sarif");
            using var sarif = JsonDocument.Parse(stdout);
            var result = Run(sarif).GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "DIPV1004");
            return (result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
                result.GetProperty("partialFingerprints").GetProperty("maplintLogicalLocation/v1").GetString()!);
        }

        var before = Finding();
        string map = Path.Combine(folder, "map.json");
        File.WriteAllText(map, File.ReadAllText(map).Replace("\"mappings\": [", "\"mappings\": [\n\n    { \"source\": \"NAMEALIAS\", \"direction\": \"=\", \"destination\": \"nickname\" },", StringComparison.Ordinal));
        var after = Finding();
        Assert.Equal(before.Line + 2, after.Line);
        Assert.Equal(before.Fingerprint, after.Fingerprint);

        var (_, text, _) = CliRunner.Run("check", "examples/broken/DIPV1004", "--format", "sarif");
        using var document = JsonDocument.Parse(text);
        var run = Run(document);
        Assert.Equal("maplint/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.StartsWith("MapLint ", run.GetProperty("tool").GetProperty("driver").GetProperty("fullName").GetString(), StringComparison.Ordinal);
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DIPV1004");
        Assert.Equal(File.ReadAllText(Path.Combine(CliRunner.Root, "docs", "rules", "DIPV1004.md")).Replace("\r\n", "\n", StringComparison.Ordinal), rule.GetProperty("help").GetProperty("markdown").GetString());
    }

    [Fact]
    public void SarifKeepsTheRunNotesAsNotifications()
    {
        // A map without any metadata: the metadata rules are skipped, which `check` says in an info line.
        string folder = Directory.CreateDirectory(Path.Combine(temp, "nometadata")).FullName;
        File.Copy(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004", "map.json"), Path.Combine(folder, "map.json"));
        var (_, stdout, _) = CliRunner.RunIn(folder, "check", ".", "--format", "sarif", "--fail-on", "none");
        using var sarif = JsonDocument.Parse(stdout);
        var notification = Assert.Single(Run(sarif).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("note", notification.GetProperty("level").GetString());
        Assert.Contains("metadata rules were skipped", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubFormatKeepsTheRunNotesAsNotices()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "nometadata-github")).FullName;
        File.Copy(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004", "map.json"), Path.Combine(folder, "map.json"));
        var (_, stdout, _) = CliRunner.RunIn(folder, "check", ".", "--format", "github");
        Assert.Matches(@"(?m)^::notice title=MapLint::\d+ metadata rules were skipped", stdout);
    }

    [Fact]
    public void SarifInAnAzurePipelinesRunCarriesThePipelineIdentity()
    {
        var start = new System.Diagnostics.ProcessStartInfo("env")
        {
            WorkingDirectory = CliRunner.Root,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var arg in new[] { "TF_BUILD=True", "BUILD_DEFINITIONID=42", "BUILD_DEFINITIONNAME=maplint-ci", "SYSTEM_PHASEID=5b0e6b0c-8f5e-4c1e-9f43-3c2a1d9e7a10", "SYSTEM_PHASENAME=Job" })
        {
            start.ArgumentList.Add(arg);
        }

        if (CliRunner.NativeCli is { } native)
        {
            start.ArgumentList.Add(native);
        }
        else
        {
            start.ArgumentList.Add("dotnet");
            start.ArgumentList.Add(Path.Combine(CliRunner.Root, "src", "MapLint.Cli", "bin", configuration, "net10.0", "maplint.dll"));
        }

        foreach (var arg in new[] { "check", "examples/broken/DIPV1004", "--format", "sarif" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var sarif = JsonDocument.Parse(stdout);
        var automation = Run(sarif).GetProperty("automationDetails");
        Assert.StartsWith("azuredevops/pipeline/build/", automation.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("42", automation.GetProperty("properties").GetProperty("azuredevops/pipeline/build/buildDefinitionId").GetString());
        Assert.Equal("5b0e6b0c-8f5e-4c1e-9f43-3c2a1d9e7a10", automation.GetProperty("properties").GetProperty("azuredevops/pipeline/build/phaseId").GetString());
    }

    [Fact]
    public void ExplainNamesTheCommandOfThisInstallation()
    {
        var (exit, stdout, _) = CliRunner.Run("explain", "DIPV1004");
        Assert.Equal(0, exit);
        if (CliRunner.NativeCli is null)
        {
            Assert.Contains("dotnet run --project src/MapLint.Cli -- check examples/broken/DIPV1004", stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("dotnet run --project", stdout, StringComparison.Ordinal);
            Assert.Contains("maplint check maps/", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AFailedImportNeverReplacesTheCommittedMetadata()
    {
        // What curl saves when the token has expired: a 401 body, not an EntityDefinitions export.
        string bad = Path.Combine(temp, "dataverse-401.json");
        File.WriteAllText(bad, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"The access token is expired.\"}}");
        string output = Directory.CreateDirectory(Path.Combine(temp, "metadata")).FullName;
        string committed = Path.Combine(output, "dataverse.json");
        File.Copy(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004", "metadata-dataverse.json"), committed);
        string before = File.ReadAllText(committed);

        var (exit, stdout, stderr) = CliRunner.Run("metadata", "import", "--dataverse", bad, "-o", output);
        Assert.Equal(1, exit);
        Assert.Contains("DIPV2012", stdout, StringComparison.Ordinal);
        Assert.Contains("was not written", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(committed));
    }
}
