namespace MapLint.Cli.Tests;

/// <summary>
/// The configuration through the real maplint process: settings that match nothing (DIPV2020–2022, 2024, 2025,
/// 2027), settings that contradict each other (DIPV2023, options given twice), and .editorconfig path sections
/// and categories applied as Roslyn applies them. Each workspace is the DIPV2106 example (a valid map set with
/// one warning) in a git repository of its own; .editorconfig keys are Roslyn's documented ones
/// (learn.microsoft.com/dotnet/fundamentals/code-analysis/configuration-options and …/categories).
/// </summary>
public class ConfigurationCliTests : IDisposable
{
    private readonly string repo = Directory.CreateTempSubdirectory("maplint-config-cli-").FullName;

    public ConfigurationCliTests()
    {
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        Directory.CreateDirectory(Path.Combine(repo, "maps"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV2106")))
        {
            File.Copy(file, Path.Combine(repo, "maps", Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(repo, true);

    private (int ExitCode, string Stdout, string Stderr) Check(params string[] extra) =>
        CliRunner.RunIn(repo, ["check", ".", "--no-cache", "--show-source", "never", .. extra]);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(repo, name), text);

    [Fact]
    public void AMetadataGlobMatchingNothingIsAWarningThatWarnAsErrorFails()
    {
        // Before: an info line and exit 0 with --warnaserror too.
        Write("maplint.json", "{\n  \"rules\": { \"DIPV2106\": \"none\" },\n  \"metadata\": [\"metadata/*.json\"]\n}\n");
        var (exit, stdout, _) = Check();
        Assert.Equal(0, exit);
        Assert.Contains("maplint.json(3,16): warning DIPV2020: 'metadata/*.json' in \"metadata\" matches no file", stdout, StringComparison.Ordinal);
        Assert.Contains("0 errors, 1 warning", stdout, StringComparison.Ordinal);
        Assert.Equal(1, Check("--warnaserror").ExitCode);
    }

    [Fact]
    public void AnUnknownCrossCompanyEntityIsAWarningWithTheClosestEntity()
    {
        Write("maplint.json", "{\n  \"rules\": { \"DIPV2106\": \"none\" },\n  \"crossCompanyDataSharing\": [\"CustomerGroup\"]\n}\n");
        var (exit, stdout, _) = Check("--warnaserror");
        Assert.Equal(1, exit);
        Assert.Contains("maplint.json(3,31): warning DIPV2021: 'CustomerGroup' in \"crossCompanyDataSharing\" is no entity of the finance and operations metadata, so this setting has no effect. Did you mean 'CustomerGroups'?", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void EditorConfigTyposAreWarningsAtTheirPlace()
    {
        Write(".editorconfig", "root = true\ndotnet_diagnostic.DIPV2106.severity = none\n\n[*.json]\ndotnet_diagnostic.DIPV2106.severity = silnet\ndotnet_diagnostic.DPIV2106.severity = none\ndotnet_analyzer_diagnostic.category-Typo.severity = none\n\n[*]\ndotnet_analyzer_diagnostic.category-Mapings.severity = none\ndotnet_analyzer_diagnostic.category-Performance.severity = none\ndotnet_diagnostic.CA1000.severity = none\n");
        var (exit, stdout, _) = Check("--format", "text");
        Assert.Equal(0, exit);
        string[] expected =
        [
            ".editorconfig(2,1): warning DIPV2027: 'dotnet_diagnostic.DIPV2106.severity' stands before the first section, where only 'root' is read, so it applies to no file. Move it under a section such as [*.json].",
            ".editorconfig(5,39): warning DIPV2022: 'silnet' is not a severity, so 'dotnet_diagnostic.DIPV2106.severity' has no effect; use error, warning, suggestion, silent, none or default.",
            ".editorconfig(6,19): warning DIPV2010: 'DPIV2106' is not a MapLint rule, so this setting has no effect. Did you mean 'DIPV2106'?",
            ".editorconfig(7,37): warning DIPV2024: 'Typo' is not a MapLint category, so 'dotnet_analyzer_diagnostic.category-Typo.severity' has no effect. MapLint's categories: Document, Connection, Project, Organization, IntegrationKey, Mapping, Schema, DataType, Filter, Sync, Internal.",
            ".editorconfig(10,37): warning DIPV2024: 'Mapings' is not a MapLint category, so 'dotnet_analyzer_diagnostic.category-Mapings.severity' has no effect. Did you mean 'Mapping'? MapLint's categories: Document, Connection, Project, Organization, IntegrationKey, Mapping, Schema, DataType, Filter, Sync, Internal.",
        ];
        Assert.Equal(expected, stdout.Split('\n').Where(l => l.StartsWith(".editorconfig", StringComparison.Ordinal)));
        // None of the typos turned DIPV2106 off.
        Assert.Contains("warning DIPV2106", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CA1000", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Performance", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleSetDifferentlyInMapLintJsonAndEditorConfigIsAConflictAndMapLintJsonWins()
    {
        Write("maplint.json", "{\n  \"rules\": { \"DIPV2106\": \"error\" }\n}\n");
        Write(".editorconfig", "root = true\n[*.json]\ndotnet_diagnostic.DIPV2106.severity = none\n");
        var (exit, stdout, _) = Check();
        Assert.Equal(1, exit);
        Assert.Contains(".editorconfig(3,39): warning DIPV2023: 'dotnet_diagnostic.DIPV2106.severity' is set to 'none' here, but maplint.json(2,26) sets it to 'error', which wins, so this setting has no effect.", stdout, StringComparison.Ordinal);
        Assert.Contains("error DIPV2106", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PathSectionsAndCategoriesApplyAsInRoslyn()
    {
        // Before: path sections and categories were ignored without a word. DIPV2106's category (Sync, its page
        // says) is off for every JSON file; a path section turns the rule back on for the map, as an error.
        Write(".editorconfig", "root = true\n[*.json]\ndotnet_analyzer_diagnostic.category-Sync.severity = none\n");
        var (off, offOut, _) = Check("--warnaserror");
        Assert.Equal(0, off);
        Assert.DoesNotContain("DIPV2106", offOut, StringComparison.Ordinal);

        Write(".editorconfig", "root = true\n[*.json]\ndotnet_analyzer_diagnostic.category-Sync.severity = none\n[maps/map.json]\ndotnet_diagnostic.DIPV2106.severity = error\n");
        var (exit, stdout, _) = Check();
        Assert.Equal(1, exit);
        Assert.Contains("maps/map.json(10,17): error DIPV2106", stdout, StringComparison.Ordinal);

        // The same path section in a nearer .editorconfig (maps/), where the glob is relative to that file.
        Write(".editorconfig", "root = true\n[*.json]\ndotnet_analyzer_diagnostic.category-Sync.severity = none\n");
        Write("maps/.editorconfig", "[map.json]\ndotnet_diagnostic.DIPV2106.severity = error\n");
        Assert.Contains("maps/map.json(10,17): error DIPV2106", Check().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludeAndExcludeThatLeaveNothingNameTheGlobsAndExitTwo()
    {
        Write("maplint.json", "{\n  \"include\": [\"maps/*.json\"],\n  \"exclude\": [\"maps/**\"]\n}\n");
        var (exit, stdout, stderr) = Check();
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("maplint.json(3,15): warning DIPV2025: 'maps/**' in \"exclude\" leaves out 5 of the 5 files under . that the walk finds", stderr, StringComparison.Ordinal);
        Assert.Contains("maplint: nothing to check: the include/exclude of maplint.json leave out every file under .", stderr, StringComparison.Ordinal);

        // An include that matches no file is a warning while other globs still find files.
        Write("maplint.json", "{\n  \"include\": [\"maps/*.json\", \"mpas/*.json\"]\n}\n");
        var (partial, partialOut, _) = Check();
        Assert.Equal(0, partial);
        Assert.Contains("maplint.json(2,30): warning DIPV2025: 'mpas/*.json' in \"include\" matches no file", partialOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "json", "--format", "sarif")]
    [InlineData("--fail-on", "error", "--fail-on", "none")]
    [InlineData("--config", "maplint.json", "--config", "other.json")]
    public void AnOptionGivenTwiceIsAUsageError(string option, string first, string again, string second)
    {
        Write("maplint.json", "{}\n");
        var (exit, stdout, stderr) = Check(option, first, again, second);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"maplint: Option '{option}' expects a single argument but 2 were provided.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--update-baseline needs --baseline FILE.", "--update-baseline")]
    [InlineData("--staged checks the files staged in git; give no paths with it.", "--staged", "maps")]
    [InlineData("--stdin-filename checks one document read from standard input; --staged checks the index: give one of them.", "--stdin-filename", "maps/map.json", "--staged")]
    [InlineData("--stdin-filename checks one document read from standard input; give no paths with it.", "--stdin-filename", "maps/map.json", "maps")]
    [InlineData("--update-baseline with --stdin-filename would write a baseline of one file; run it over the workspace instead.", "--stdin-filename", "maps/map.json", "--baseline", "b.json", "--update-baseline")]
    public void OptionsThatContradictEachOtherAreAUsageError(string message, params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput(repo, [], ["check", .. args]);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("maplint: " + message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo, "b.json")));
    }
}
