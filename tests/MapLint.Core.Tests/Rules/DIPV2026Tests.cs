using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>
/// Tests of DIPV2026: the build's NoWarn, WarningsAsErrors and WarningsNotAsErrors contradicting each other or the
/// configuration. The properties are the compiler's (learn.microsoft.com/dotnet/csharp/language-reference/compiler-options/errors-warnings:
/// TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors, NoWarn), written as SDK projects write them.
/// </summary>
public class DIPV2026Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-build-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private IReadOnlyList<Diagnostics.Diagnostic> Problems(string? maplintJson, string noWarn, string asErrors, string notAsErrors)
    {
        if (maplintJson is not null)
        {
            File.WriteAllText(Path.Combine(folder, "maplint.json"), maplintJson);
        }

        string project = Path.Combine(folder, "maps.csproj");
        File.WriteAllText(project, $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <NoWarn>$(NoWarn);{noWarn}</NoWarn>\n    <WarningsAsErrors>{asErrors}</WarningsAsErrors>\n    <WarningsNotAsErrors>{notAsErrors}</WarningsNotAsErrors>\n  </PropertyGroup>\n</Project>\n");
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        return new WarningProperties("1701;1702;" + noWarn, asErrors, notAsErrors).Problems(config, project, folder);
    }

    [Fact]
    public void Fires_CodeSilencedAndRaised()
    {
        var finding = Assert.Single(Problems(null, "DIPV2105", "DIPV2105", string.Empty));
        Assert.Equal("DIPV2026", finding.Id);
        Assert.Equal("maps.csproj", finding.Location.Path);
        Assert.Equal(new Text.LinePosition(5, 23), finding.Location.LineSpan.Start);
        Assert.Equal("WarningsAsErrors lists DIPV2105, but NoWarn lists it too and silences its warnings, so it is never reported, let alone as an error. Keep the code in one place.", finding.Message);
    }

    [Fact]
    public void Fires_CodeRaisedAndKeptAWarning()
    {
        var finding = Assert.Single(Problems(null, string.Empty, "CS8618;DIPV2105", "DIPV2105"));
        Assert.Equal(new Text.LinePosition(6, 26), finding.Location.LineSpan.Start);
        Assert.Equal("WarningsNotAsErrors lists DIPV2105, but WarningsAsErrors lists it too and wins, so its warnings still fail the build. Keep the code in one place.", finding.Message);
    }

    [Fact]
    public void Fires_NoWarnOnAnErrorRuleAndRaisingADisabledRule()
    {
        var findings = Problems("{ \"rules\": { \"DIPV2105\": \"none\" } }", "DIPV1004", "DIPV2105", string.Empty);
        Assert.Equal(2, findings.Count);
        Assert.Equal("NoWarn lists DIPV1004, but the rule reports errors (its own or the configured severity), which NoWarn does not silence, so its findings still fail the build. Keep the code in one place.", findings[0].Message);
        Assert.Equal(new Text.LinePosition(4, 23), findings[0].Location.LineSpan.Start);
        Assert.Equal("WarningsAsErrors lists DIPV2105, but the configuration (maplint.json or .editorconfig) turns the rule off, so the rule never runs and this has no effect. Keep the code in one place.", findings[1].Message);
    }

    [Fact]
    public void Fires_UnknownCodeWithTheClosest()
    {
        var finding = Assert.Single(Problems(null, "DIPV1004X", string.Empty, string.Empty));
        Assert.Equal("DIPV2010", finding.Id);
        Assert.Equal("'DIPV1004X' is not a MapLint rule, so this setting has no effect. Did you mean 'DIPV1004'?", finding.Message);
    }

    [Fact]
    public void Fires_InDirectoryBuildProps()
    {
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project>\n  <PropertyGroup>\n    <WarningsAsErrors>DIPV2105</WarningsAsErrors>\n  </PropertyGroup>\n</Project>\n");
        string project = Path.Combine(folder, "maps.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <NoWarn>DIPV2105</NoWarn>\n  </PropertyGroup>\n</Project>\n");
        var finding = Assert.Single(new WarningProperties("DIPV2105", "DIPV2105", null).Problems(MapLintConfig.Default, project, folder));
        Assert.Equal("Directory.Build.props", finding.Location.Path);
        Assert.Equal(new Text.LinePosition(3, 23), finding.Location.LineSpan.Start);
    }

    [Fact]
    public void Silent_CompilerCodesAndConsistentSettings()
    {
        Assert.Empty(Problems(null, "CS1591;DIPV2105", "CS8618;DIPV2203", "DIPV2200"));
    }
}
