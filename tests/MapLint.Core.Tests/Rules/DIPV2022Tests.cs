using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2022 (a MapLint severity key of .editorconfig with a value that is not a severity) and of DIPV2010 there.</summary>
public class DIPV2022Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public DIPV2022Tests() => Directory.CreateDirectory(Path.Combine(folder, ".git"));

    public void Dispose() => Directory.Delete(folder, true);

    private IReadOnlyList<Diagnostics.Diagnostic> Findings(string editorConfig)
    {
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), editorConfig);
        File.WriteAllText(Path.Combine(folder, "map.json"), Infrastructure.Fixture.OneWayKeyMap);
        var loaded = ConfigLoader.Load(null, folder, folder)!;
        var result = Linter.Run(Workspace.FileDiscovery.Discover([folder], folder, loaded.Config).Files, new LintOptions { Config = loaded.Config });
        return loaded.Findings(result);
    }

    [Fact]
    public void Fires_ValueThatIsNotASeverity()
    {
        var findings = Findings("root = true\n\n[*.json]\ndotnet_diagnostic.DIPV1004.severity = eror\ndotnet_analyzer_diagnostic.category-Sync.severity = warn\ndotnet_diagnostic.DIPV1400.severity = none\n");
        Assert.Equal(["DIPV2022", "DIPV2022", "DIPV2010"], findings.Select(d => d.Id));
        Assert.Equal(".editorconfig", findings[0].Location.Path);
        Assert.Equal(new Text.LinePosition(4, 39), findings[0].Location.LineSpan.Start);
        Assert.Equal("'eror' is not a severity, so 'dotnet_diagnostic.DIPV1004.severity' has no effect; use error, warning, suggestion, silent, none or default.", findings[0].Message);
        Assert.Equal(new Text.LinePosition(5, 53), findings[1].Location.LineSpan.Start);
        Assert.Equal(new Text.LinePosition(6, 19), findings[2].Location.LineSpan.Start);
    }

    [Fact]
    public void Silent_SeveritiesAndOtherAnalyzersCategories()
    {
        Assert.Empty(Findings("root = true\n[*]\ndotnet_diagnostic.DIPV1004.severity = suggestion\ndotnet_diagnostic.CA1000.severity = eror\ndotnet_analyzer_diagnostic.category-Style.severity = whatever\ndotnet_analyzer_diagnostic.category-Mapping.severity = default\n"));
    }
}
