using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2027: a MapLint key of .editorconfig before the first section (where the EditorConfig spec reads only root).</summary>
public class DIPV2027Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public DIPV2027Tests() => Directory.CreateDirectory(Path.Combine(folder, ".git"));

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
    public void Fires_KeyBeforeTheFirstSection()
    {
        var finding = Assert.Single(Findings("root = true\ndotnet_diagnostic.DIPV1004.severity = none\n\n[*.json]\nindent_size = 2\n"));
        Assert.Equal("DIPV2027", finding.Id);
        Assert.Equal(new Text.LinePosition(2, 1), finding.Location.LineSpan.Start);
        Assert.Equal("'dotnet_diagnostic.DIPV1004.severity' stands before the first section, where only 'root' is read, so it applies to no file. Move it under a section such as [*.json].", finding.Message);
        Assert.Equal(Diagnostics.Severity.Error, loaded().SeverityOf(Analysis.AnalyzerCatalog.Find("DIPV1004")!, Path.Combine(folder, "map.json")));

        MapLintConfig loaded() => ConfigLoader.Load(null, folder, folder)!.Config;
    }

    [Fact]
    public void Silent_RootAndOtherKeysBeforeTheFirstSection()
    {
        Assert.Empty(Findings("root = true\nindent_style = space\n[*.json]\ndotnet_diagnostic.DIPV1004.severity = none\n"));
    }
}
