using System.Text.RegularExpressions;

namespace MapLint.Build.Tests;

/// <summary>Real `dotnet build`s of projects that reference the packed MapLint.Build package.</summary>
public class BuildTaskTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture package;

    public BuildTaskTests(PackageFixture package) => this.package = package;

    [Fact]
    public void BrokenMapFailsTheBuildAtItsPositionAndTheFixPassesIt()
    {
        // A project that holds only maps: no code at all.
        string project = package.Consumer("mapsonly", withCode: false, "examples/broken/DIPV1004");
        var (exit, output) = package.Build(project);
        Assert.True(exit != 0, output);
        string map = Path.Combine(project, "maps", "map.json");
        Assert.Matches(new Regex(Regex.Escape(map) + @"\(7,69(,7,84)?\): MapLint error DIPV1004: Key field 'accountnumber' is mapped one way"), output);

        File.WriteAllText(map, File.ReadAllText(map).Replace("\"direction\": \">\"", "\"direction\": \"=\""));
        var (fixedExit, fixedOutput) = package.Build(project);
        Assert.True(fixedExit == 0, fixedOutput);
        Assert.DoesNotContain("DIPV1004", fixedOutput);

        // The task keeps the engine's cache under obj/: a map touched but unchanged re-runs the target, which finds
        // every file as the last run read it (the map's stamp moved, its content hash did not) and reports that run's
        // findings, making no summary.
        string summaries = Assert.Single(Directory.GetFiles(Path.Combine(project, "obj"), "index.bin", SearchOption.AllDirectories));
        Assert.EndsWith(Path.Combine("maplint", "index.bin"), summaries, StringComparison.Ordinal);
        File.SetLastWriteTimeUtc(map, DateTime.UtcNow.AddSeconds(5));
        var (touchedExit, touchedOutput) = package.Build(project, "-v:d");
        Assert.True(touchedExit == 0, touchedOutput);
        Assert.DoesNotContain("Skipping target \"MapLintCheck\"", touchedOutput);
        Assert.Matches(new Regex(@"MapLint: map summaries reused [0-9]+, made 0; the last run's report reused"), touchedOutput);
    }

    [Fact]
    public void ServiceRecordsInTheProjectFailTheBuildAtTheirPosition()
    {
        // A Web API export of msdyn_dualwriteentitymaps (shape: OliverFlint/pptb-dual-write-map-viewer
        // src/hooks/useDataverseApi.ts) whose map definition has an unknown syncDirection, recognised by its
        // content among the project's files: the error is at the escaped value in the one-line export.
        string project = package.Consumer("serviceexport", withCode: false, "examples/broken/DIPV1004");
        File.Delete(Path.Combine(project, "maps", "map.json"));
        string definition = "{\\\"name\\\":\\\"Customers\\\",\\\"legs\\\":[{\\\"sourceSchema\\\":\\\"CustomersV3\\\",\\\"sourceEnvironmentType\\\":\\\"AX\\\",\\\"destinationSchema\\\":\\\"account\\\",\\\"destinationEnvironmentType\\\":\\\"CRM\\\",\\\"fieldMappings\\\":[{\\\"syncDirection\\\":\\\"9\\\",\\\"sourceField\\\":\\\"CUSTOMERACCOUNT\\\",\\\"destinationField\\\":\\\"accountnumber\\\"}]}]}";
        string export = "{\"value\":[{\"msdyn_dualwriteentitymapid\":\"a\",\"msdyn_name\":\"msdyn_[account - CustomersV3]\",\"msdyn_displayname\":\"Customers\",\"msdyn_version\":\"1.0.0.0\",\"msdyn_mapping\":\"" + definition + "\"}]}\n";
        string path = Path.Combine(project, "maps", "export.json");
        File.WriteAllText(path, export);
        int column = export.IndexOf("\\\"9\\\"", StringComparison.Ordinal) + 1;

        var (exit, output) = package.Build(project);
        Assert.True(exit != 0, output);
        Assert.Matches(new Regex(Regex.Escape(path) + @"\(1," + column + @"(,1," + (column + 5) + @")?\): MapLint error DIPV2033: syncDirection '9' is not a direction the service knows"), output);
    }

    [Fact]
    public void GoodServiceRecordsPassTheBuild_ABrokenSolutionRecordFailsIt_EntitySetNamesResolve()
    {
        // examples/service: the examples' maps as a two-page Web API export and an unpacked solution, with the
        // examples' metadata, in a project of maps only: they pass as the examples do.
        string project = package.Consumer("servicegood", withCode: false, "examples/service/webapi");
        string other = Directory.CreateDirectory(Path.Combine(project, "solution", "Other")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(package.Root, "examples", "service", "solution", "Other")))
        {
            File.Copy(file, Path.Combine(other, Path.GetFileName(file)));
        }

        string metadata = Directory.CreateDirectory(Path.Combine(project, "metadata")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(package.Root, "examples", "metadata")))
        {
            File.Copy(file, Path.Combine(metadata, Path.GetFileName(file)));
        }

        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("MapLint error", output, StringComparison.Ordinal);

        // A record of the solution broken as a hand edit breaks it: an unknown syncDirection, reported at the
        // XML-escaped value in Customizations.xml.
        string xml = Path.Combine(other, "Customizations.xml");
        string good = File.ReadAllText(xml);
        const string direction = "&quot;syncDirection&quot;: &quot;3&quot;";
        int at = good.IndexOf(direction, StringComparison.Ordinal);
        File.WriteAllText(xml, good[..at] + direction.Replace("3", "9", StringComparison.Ordinal) + good[(at + direction.Length)..]);
        int line = good[..at].Count(c => c == '\n') + 1;
        int column = at - good.LastIndexOf('\n', at) + "&quot;syncDirection&quot;: ".Length;
        var (broken, brokenOutput) = package.Build(project);
        Assert.True(broken != 0, brokenOutput);
        Assert.Matches(new Regex(Regex.Escape(xml) + @"\(" + line + "," + column + @"(,\d+,\d+)?\): MapLint error DIPV2033: syncDirection '9' is not a direction the service knows"), brokenOutput);

        // Restored, and the export naming its Dataverse tables by entity set as the service does (accounts): the
        // sets resolve to the metadata's tables, so the build passes again.
        File.WriteAllText(xml, good);
        string page = Path.Combine(project, "maps", "page-1.json");
        File.WriteAllText(page, File.ReadAllText(page).Replace("\\\"destinationSchema\\\":\\\"account\\\"", "\\\"destinationSchema\\\":\\\"accounts\\\"", StringComparison.Ordinal));
        Assert.Contains("\\\"destinationSchema\\\":\\\"accounts\\\"", File.ReadAllText(page), StringComparison.Ordinal);
        var (fixedExit, fixedOutput) = package.Build(project);
        Assert.True(fixedExit == 0, fixedOutput);
        Assert.DoesNotContain("DIPV1020", fixedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningsBehaveLikeCompilerWarningsAndSurviveIncrementalBuilds()
    {
        // A normal class library with maps beside its code.
        string project = package.Consumer("library", withCode: true, "examples/broken/DIPV2106");
        string map = Regex.Escape(Path.Combine(project, "maps", "map.json"));

        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);
        Assert.Matches(new Regex(map + @"\(10,17(,10,37)?\): MapLint warning DIPV2106: 'ADDRESSDESCRIPTION' is a virtual field"), output);

        // Nothing changed: the lint target is skipped as up to date, and the warning is shown again from the cache.
        var (again, againOutput) = package.Build(project, "-v:d");
        Assert.True(again == 0, againOutput);
        Assert.Contains("Skipping target \"MapLintCheck\" because all output files are up-to-date", againOutput);
        Assert.Matches(new Regex(map + @"\(10,17(,10,37)?\): MapLint warning DIPV2106"), againOutput);

        var (silenced, silencedOutput) = package.Build(project, "-p:NoWarn=DIPV2106");
        Assert.True(silenced == 0, silencedOutput);
        Assert.DoesNotContain("warning DIPV2106", silencedOutput);

        var (strict, strictOutput) = package.Build(project, "-p:TreatWarningsAsErrors=true");
        Assert.True(strict != 0, strictOutput);
        Assert.Matches(new Regex(map + @"\(10,17(,10,37)?\): MapLint error DIPV2106"), strictOutput);

        var (notAsError, notAsErrorOutput) = package.Build(project, "-p:TreatWarningsAsErrors=true", "-p:WarningsNotAsErrors=DIPV2106");
        Assert.True(notAsError == 0, notAsErrorOutput);
        Assert.Contains("warning DIPV2106", notAsErrorOutput);
    }

    [Fact]
    public void ErrorLogWritesSarifAndDisablingSkipsTheLint()
    {
        string project = package.Consumer("sarif", withCode: true, "examples/broken/DIPV1004");
        string log = Path.Combine(project, "obj", "maplint.sarif");
        var (exit, output) = package.Build(project, $"-p:MapLintErrorLog={log}");
        Assert.True(exit != 0, output);
        Assert.Contains("\"ruleId\": \"DIPV1004\"", File.ReadAllText(log));

        var (disabled, disabledOutput) = package.Build(project, "-p:MapLintEnabled=false");
        Assert.True(disabled == 0, disabledOutput);
        Assert.DoesNotContain("DIPV1004", disabledOutput);
    }

    /// <summary>
    /// Moves the example's metadata out of maps/ to <paramref name="folder"/> (relative to the project). A folder
    /// beside the project is in the same repository, as in a solution with shared metadata: MapLint reads nothing
    /// outside the repository (its git root), so the fixture's folder is made one.
    /// </summary>
    private string MoveMetadata(string project, string folder)
    {
        Directory.CreateDirectory(Path.Combine(package.Temp, ".git"));
        string target = Directory.CreateDirectory(Path.GetFullPath(Path.Combine(project, folder))).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(project, "maps"), "metadata-*.json"))
        {
            File.Move(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Removes the account table's 'name' field, which the example's map writes: DIPV1025 when metadata is read.</summary>
    private static void RemoveNameField(string metadataFolder)
    {
        string path = Path.Combine(metadataFolder, "metadata-dataverse.json");
        string text = File.ReadAllText(path);
        string edited = Regex.Replace(text, @"\n\s*""name"": \{ ""type"": ""string"", ""maxLength"": 100, ""required"": true \},", string.Empty);
        Assert.NotEqual(text, edited);
        File.WriteAllText(path, edited);
    }

    [Fact]
    public void RaisingARuleInAFoundMaplintJsonFailsTheNextBuild()
    {
        // Before: maplint.json was an input only when MapLintConfig named it, so this build stayed green.
        string project = package.Consumer("foundconfig", withCode: false, "examples/broken/DIPV2106");
        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);

        File.WriteAllText(Path.Combine(project, "maplint.json"), "{ \"rules\": { \"DIPV2106\": \"error\" } }\n");
        var (raised, raisedOutput) = package.Build(project);
        Assert.True(raised != 0, raisedOutput);
        Assert.Contains("MapLint error DIPV2106", raisedOutput);
    }

    [Fact]
    public void AContradictionAddedToDirectoryBuildPropsIsReportedOnTheNextBuild()
    {
        // Before: only the project file was an input, so the lint was skipped as up to date and DIPV2026 never came.
        string project = package.Consumer("buildprops", withCode: false, "examples/broken/DIPV2106");
        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("DIPV2026", output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project>\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);DIPV2106</NoWarn>\n    <WarningsAsErrors>$(WarningsAsErrors);DIPV2106</WarningsAsErrors>\n  </PropertyGroup>\n</Project>\n");
        var (again, againOutput) = package.Build(project);
        Assert.True(Regex.IsMatch(againOutput, @"Directory\.Build\.props\(\d+,\d+[,0-9]*\): MapLint warning DIPV2026"), againOutput);
    }

    [Fact]
    public void RaisingARuleInEditorConfigFailsTheNextBuild()
    {
        string project = package.Consumer("editorconfig", withCode: false, "examples/broken/DIPV2106");
        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);

        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.json]\ndotnet_diagnostic.DIPV2106.severity = error\n");
        var (raised, raisedOutput) = package.Build(project);
        Assert.True(raised != 0, raisedOutput);
        Assert.Contains("MapLint error DIPV2106", raisedOutput);
    }

    [Fact]
    public void RemovingAFieldFromMetadataNamedByAGlobFailsTheNextBuild()
    {
        // The metadata lives outside maps/ (the default items); maplint.json names it with a glob. (Outside the workspace it would be refused: issue 16.)
        string project = package.Consumer("metadataglob", withCode: false, "examples/broken/DIPV2106");
        string metadata = MoveMetadata(project, "shared/metadataglob");
        File.WriteAllText(Path.Combine(project, "maplint.json"), "{ \"metadata\": [\"shared/metadataglob/*.json\"] }\n");
        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);
        Assert.Contains("MapLint warning DIPV2106", output);

        RemoveNameField(metadata);
        var (broken, brokenOutput) = package.Build(project);
        Assert.True(broken != 0, brokenOutput);
        Assert.Contains("MapLint error DIPV1025", brokenOutput);
    }

    [Fact]
    public void MetadataBesideMapsIsReadByDefaultAndSkippedRulesAreSaid()
    {
        // Before: with maps/ in the project, only maps/** was read, so metadata/ beside it was not and 19 rules were skipped silently.
        string project = package.Consumer("metadatabeside", withCode: true, "examples/broken/DIPV2106");
        string metadata = MoveMetadata(project, "metadata");
        RemoveNameField(metadata);
        var (exit, output) = package.Build(project);
        Assert.True(exit != 0, output);
        Assert.Contains("MapLint error DIPV1025", output);

        // Without any metadata the rules that need it are skipped, and a normal-verbosity build says so, also when up to date.
        Directory.Delete(metadata, recursive: true);
        var (skipped, skippedOutput) = package.Build(project, "-v:n");
        Assert.True(skipped == 0, skippedOutput);
        Assert.Matches(@"MapLint: \d+ metadata rules were skipped", skippedOutput);
        var (again, againOutput) = package.Build(project, "-v:n");
        Assert.True(again == 0, againOutput);
        Assert.Matches(@"MapLint: \d+ metadata rules were skipped", againOutput);
    }

    [Fact]
    public void ANewFileMatchingTheMetadataGlobRunsTheLintAgain()
    {
        // The set of inputs is itself an input: a file that starts to match a metadata glob is read on the next
        // build, even when its own time stamp is older than the last lint.
        string project = package.Consumer("newinput", withCode: false, "examples/broken/DIPV2106");
        string shared = MoveMetadata(project, "shared/newinput");
        File.WriteAllText(Path.Combine(project, "maplint.json"), "{ \"metadata\": [\"shared/newinput/*.json\"] }\n");
        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);

        string truncated = Path.Combine(shared, "metadata-more.json");
        File.WriteAllText(truncated, "{ \"kind\": \"entityMetadata\", \"app\": \"dataverse\", \"entities\": {");
        File.SetLastWriteTimeUtc(truncated, DateTime.UtcNow.AddDays(-30));
        var (broken, brokenOutput) = package.Build(project);
        Assert.True(broken != 0, brokenOutput);
        Assert.Contains("MapLint error DIPV2000", brokenOutput);
    }

    [Fact]
    public void SettingsThatMatchNothingOrContradictAreBuildWarningsAtTheirPlace()
    {
        // Each was silent before: a metadata glob matching nothing, an unknown cross-company entity, a severity
        // typo and an unknown category in .editorconfig, and a DIPV code both silenced and raised by the project.
        string project = package.Consumer("configwarnings", withCode: false, "examples/broken/DIPV2106");
        string csproj = Path.Combine(project, "configwarnings.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(
            "</TargetFramework>", "</TargetFramework>\n    <NoWarn>$(NoWarn);DIPV2106</NoWarn>\n    <WarningsAsErrors>DIPV2106</WarningsAsErrors>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "maplint.json"), "{\n  \"metadata\": [\"maps/*.json\", \"shared/*.json\"],\n  \"crossCompanyDataSharing\": [\"CustomerGroup\"]\n}\n");
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n\n[*.json]\ndotnet_diagnostic.DIPV1031.severity = eror\ndotnet_analyzer_diagnostic.category-Typo.severity = none\n");
        var (exit, output) = package.Build(project);
        Assert.True(exit == 0, output);
        Assert.Matches(@"maplint\.json\(2,31[,0-9]*\): MapLint warning DIPV2020: 'shared/\*\.json' in ""metadata"" matches no file", output);
        Assert.Matches(@"maplint\.json\(3,31[,0-9]*\): MapLint warning DIPV2021: 'CustomerGroup' .* Did you mean 'CustomerGroups'\?", output);
        Assert.Matches(@"\.editorconfig\(4,39[,0-9]*\): MapLint warning DIPV2022: 'eror' is not a severity", output);
        Assert.Matches(@"\.editorconfig\(5,37[,0-9]*\): MapLint warning DIPV2024: 'Typo' is not a MapLint category", output);
        Assert.True(Regex.IsMatch(output, @"configwarnings\.csproj\(5,23[,0-9]*\): MapLint warning DIPV2026: WarningsAsErrors lists DIPV2106, but NoWarn lists it too"), output);
        Assert.DoesNotContain("DIPV2106:", output, StringComparison.Ordinal);

        // Each once (MSBuild repeats warnings in its summary): maplint.json's own findings were logged twice.
        Assert.Equal(Regex.Matches(output, "warning DIPV2021").Count, Regex.Matches(output, "warning DIPV2020").Count);
    }

    [Fact]
    public void ChangingAMetadataExportNamedByAGlobRunsTheLintAgain()
    {
        // Before: exports were no input, so a build after fixing the $metadata export replayed the old error.
        // The export is the repository's finance and operations $metadata fixture (the OData CSDL that
        // GET /data/$metadata returns, tests/MapLint.Core.Tests/Metadata/Fixtures/fo-metadata.xml), kept outside maps/.
        string project = package.Consumer("exportglob", withCode: false, "examples/broken/DIPV2106");
        File.Delete(Path.Combine(project, "maps", "metadata-finance-and-operations.json"));
        string export = Path.Combine(Directory.CreateDirectory(Path.Combine(project, "shared", "fo")).FullName, "metadata.xml");
        File.Copy(Path.Combine(package.Root, "tests", "MapLint.Core.Tests", "Metadata", "Fixtures", "fo-metadata.xml"), export);
        File.WriteAllText(Path.Combine(project, "maplint.json"), "{ \"metadata\": [\"shared/fo/*.xml\"] }\n");
        var (exit, output) = package.Build(project);
        Assert.True(exit != 0, output);
        Assert.Contains("MapLint error DIPV1022: Field 'ADDRESSDESCRIPTION' does not exist in finance and operations entity 'CustomersV3'", output, StringComparison.Ordinal);

        string text = File.ReadAllText(export);
        const string anchor = "<Property Name=\"CustomerGroupId\"";
        int at = text.IndexOf(anchor, StringComparison.Ordinal);
        File.WriteAllText(export, text.Substring(0, at) + "<Property Name=\"AddressDescription\" Type=\"Edm.String\" MaxLength=\"20\" />\n        " + text.Substring(at));
        var (fixedExit, fixedOutput) = package.Build(project);
        Assert.True(fixedExit == 0, fixedOutput);
        Assert.DoesNotContain("DIPV1022", fixedOutput, StringComparison.Ordinal);
    }
}
