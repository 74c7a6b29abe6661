using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>
/// Tests of DIPV2023: a rule's severity set twice with different values where one never applies. The
/// .editorconfig keys are the ones Roslyn documents (learn.microsoft.com/dotnet/fundamentals/code-analysis/configuration-options:
/// <c>dotnet_diagnostic.&lt;rule ID&gt;.severity</c>); maplint.json is MapLint's own (schemas/maplint.schema.json).
/// </summary>
public class DIPV2023Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public DIPV2023Tests() => Directory.CreateDirectory(Path.Combine(folder, ".git"));

    public void Dispose() => Directory.Delete(folder, true);

    private IReadOnlyList<Diagnostics.Diagnostic> Findings(string? maplintJson, string? editorConfig)
    {
        if (maplintJson is not null)
        {
            File.WriteAllText(Path.Combine(folder, "maplint.json"), maplintJson);
        }

        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(folder, ".editorconfig"), editorConfig);
        }

        File.WriteAllText(Path.Combine(folder, "map.json"), Infrastructure.Fixture.OneWayKeyMap);
        var loaded = ConfigLoader.Load(null, folder, folder)!;
        var result = Linter.Run(Workspace.FileDiscovery.Discover([folder], folder, loaded.Config).Files, new LintOptions { Config = loaded.Config });
        return loaded.Findings(result).Where(d => d.Id == "DIPV2023").ToList();
    }

    [Fact]
    public void Fires_EditorConfigDisagreesWithMapLintJson()
    {
        var findings = Findings("{\n  \"rules\": { \"DIPV1004\": \"error\" }\n}\n", "root = true\n[*.json]\ndotnet_diagnostic.DIPV1004.severity = none\n");
        var finding = Assert.Single(findings);
        Assert.Equal(".editorconfig", finding.Location.Path);
        Assert.Equal(new Text.LinePosition(3, 39), finding.Location.LineSpan.Start);
        Assert.Equal("'dotnet_diagnostic.DIPV1004.severity' is set to 'none' here, but maplint.json(2,26) sets it to 'error', which wins, so this setting has no effect. Set the rule's severity in one place.", finding.Message);
    }

    [Fact]
    public void Fires_DefaultThatIsNotWhatMapLintJsonSets()
    {
        // DIPV1004 is an error by default: `default` there means error, which maplint.json's warning overrides.
        var finding = Assert.Single(Findings("{ \"rules\": { \"DIPV1004\": \"warning\" } }", "root = true\n[*]\ndotnet_diagnostic.DIPV1004.severity = default\n"));
        Assert.Equal(new Text.LinePosition(3, 39), finding.Location.LineSpan.Start);
    }

    [Fact]
    public void Fires_SameRuleTwiceInMapLintJsonInAnotherCase()
    {
        var findings = Findings("{\n  \"rules\": {\n    \"DIPV1004\": \"none\",\n    \"dipv1004\": \"error\"\n  }\n}\n", null);
        var finding = Assert.Single(findings);
        Assert.Equal("maplint.json", finding.Location.Path);
        Assert.Equal(new Text.LinePosition(4, 17), finding.Location.LineSpan.Start);
        Assert.Equal("'dipv1004' is set to 'error' here, but \"DIPV1004\" at line 3 sets it to 'none', which wins, so this setting has no effect. Set the rule's severity in one place.", finding.Message);
    }

    [Fact]
    public void FirstOfMapLintJsonWins()
    {
        File.WriteAllText(Path.Combine(folder, "maplint.json"), "{ \"rules\": { \"DIPV1004\": \"none\", \"dipv1004\": \"error\" } }");
        var loaded = ConfigLoader.Load(null, folder, folder)!;
        Assert.True(loaded.Config.IsDisabled(Analysis.AnalyzerCatalog.Find("DIPV1004")!));
    }

    [Fact]
    public void Fires_SameKeyTwiceInOneSection()
    {
        var finding = Assert.Single(Findings(null, "root = true\n[*.json]\ndotnet_diagnostic.DIPV1004.severity = none\ndotnet_analyzer_diagnostic.category-Sync.severity = warning\ndotnet_diagnostic.DIPV1004.severity = error\n"));
        Assert.Equal(new Text.LinePosition(3, 39), finding.Location.LineSpan.Start);
        Assert.Equal("'dotnet_diagnostic.DIPV1004.severity' is set to 'none' here, but line 5 of the same section sets it to 'error', which wins, so this setting has no effect. Set the rule's severity in one place.", finding.Message);
    }

    [Fact]
    public void Silent_SameValuesAndSettingsOfDifferentReach()
    {
        // Same value twice; an id over a category; a later section and a path section over [*]: precedence, not conflicts.
        Assert.Empty(Findings(
            "{ \"rules\": { \"DIPV1004\": \"warning\", \"dipv1004\": \"warning\" } }",
            "root = true\n[*]\ndotnet_analyzer_diagnostic.category-IntegrationKey.severity = none\ndotnet_diagnostic.DIPV1004.severity = warning\ndotnet_diagnostic.DIPV1031.severity = none\n[map.json]\ndotnet_diagnostic.DIPV1031.severity = error\n"));
    }
}
