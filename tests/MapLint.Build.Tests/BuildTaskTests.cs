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

        // The task keeps the engine's summaries under obj/: a map touched but unchanged re-runs the target, which
        // finds every summary there and leaves the cache file as it was.
        string summaries = Assert.Single(Directory.GetFiles(Path.Combine(project, "obj"), "summaries.bin", SearchOption.AllDirectories));
        Assert.EndsWith(Path.Combine("maplint", "summaries.bin"), summaries, StringComparison.Ordinal);
        var written = File.GetLastWriteTimeUtc(summaries);
        var bytes = File.ReadAllBytes(summaries);
        File.SetLastWriteTimeUtc(map, DateTime.UtcNow.AddSeconds(5));
        var (touchedExit, touchedOutput) = package.Build(project, "-v:d");
        Assert.True(touchedExit == 0, touchedOutput);
        Assert.DoesNotContain("Skipping target \"MapLintCheck\"", touchedOutput);
        Assert.Equal(bytes, File.ReadAllBytes(summaries));
        Assert.Equal(written, File.GetLastWriteTimeUtc(summaries));
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
}
