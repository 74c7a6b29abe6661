using System.Text;
using MapLint.Analysis;
using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Tests.Infrastructure;
using MapLint.Tests.Rules;

namespace MapLint.Tests.Configuration;

public class ConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-cfg-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    private static readonly string OneWayKeyMap = Fixture.OneWayKeyMap;

    private static LintResult Run(string map, MapLintConfig config, IReadOnlyList<Analyzer>? analyzers = null) =>
        Linter.Run(Fixture.Documents.Select(d => (d.Path, Encoding.UTF8.GetBytes(d.Text))).Append(("case/map.json", Encoding.UTF8.GetBytes(map))).ToList(), new LintOptions { Config = config, Analyzers = analyzers });

    private MapLintConfig Load(string? maplintJson = null, string? editorConfig = null)
    {
        if (maplintJson is not null)
        {
            File.WriteAllText(Path.Combine(folder, "maplint.json"), maplintJson);
        }

        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(folder, ".editorconfig"), editorConfig);
        }

        return ConfigLoader.Load(null, folder, folder)!.Config;
    }

    [Fact]
    public void MaplintJsonChangesSeverity()
    {
        var result = Run(OneWayKeyMap, Load("{ \"rules\": { \"DIPV1004\": \"warning\" } }"));
        Assert.Equal(Severity.Warning, Assert.Single(result.Diagnostics).Severity);
    }

    [Fact]
    public void RuleSetToNoneDoesNotRunAtAll()
    {
        var throwing = AnalyzerCatalog.BuiltIn.Append(new DIPV1001Tests.ThrowingAnalyzer(onMaps: true)).ToList();
        Assert.Contains(Run(OneWayKeyMap, MapLintConfig.Default, throwing).Diagnostics, d => d.Id == "DIPV1001");

        // TEST0001, the throwing analyzer's only rule, turned off: the analyzer is not run, so it cannot throw.
        var config = new MapLintConfig(null, null, new Dictionary<string, ConfiguredSeverity> { ["TEST0001"] = ConfiguredSeverity.None, ["DIPV1004"] = ConfiguredSeverity.None }, [], [], []);
        Assert.Empty(Run(OneWayKeyMap, config, throwing).Diagnostics);
    }

    [Fact]
    public void EditorConfigSeveritiesApplyAndMaplintJsonWins()
    {
        var fromEditorConfig = Load(editorConfig: "root = true\n\n[*.cs]\ndotnet_diagnostic.DIPV1004.severity = none\n\n[*.json]\ndotnet_diagnostic.DIPV1004.severity = suggestion\n");
        Assert.Equal(Severity.Info, Assert.Single(Run(OneWayKeyMap, fromEditorConfig).Diagnostics).Severity);

        var both = Load("{ \"rules\": { \"DIPV1004\": \"error\" } }");
        Assert.Equal(Severity.Error, Assert.Single(Run(OneWayKeyMap, both).Diagnostics).Severity);
    }

    [Fact]
    public void EditorConfigReadsUpToRootAndNearerFilesWin()
    {
        string inner = Directory.CreateDirectory(Path.Combine(folder, "maps")).FullName;
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n[*]\ndotnet_diagnostic.DIPV1031.severity = error\ndotnet_diagnostic.DIPV1004.severity = none\n");
        File.WriteAllText(Path.Combine(inner, ".editorconfig"), "[*.{json,yaml}]\ndotnet_diagnostic.DIPV1004.severity = warning\ndotnet_diagnostic.DIPV1031.severity = default\n");
        var severities = EditorConfigSeverities.Read(inner);
        Assert.Equal(ConfiguredSeverity.Warning, severities["DIPV1004"]);
        Assert.False(severities.ContainsKey("DIPV1031"));
    }

    [Fact]
    public void SuppressionOnTheMappingCoversItsFinding()
    {
        string map = OneWayKeyMap.Replace(
            "\"direction\": \">\", \"destination\": \"accountnumber\" }",
            "\"direction\": \">\", \"destination\": \"accountnumber\", \"suppressions\": [{ \"rule\": \"DIPV1004\", \"justification\": \"Keys are created in finance and operations only.\" }] }",
            StringComparison.Ordinal);
        var result = Run(map, MapLintConfig.Default);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.IsSuppressed);
        Assert.Equal("Keys are created in finance and operations only.", diagnostic.SuppressionJustification);
        Assert.Equal(0, result.Count(Severity.Error));
        Assert.Equal(1, result.SuppressedCount);
    }

    [Fact]
    public void SuppressionOnTheDocumentCoversTheFile()
    {
        string map = OneWayKeyMap.Replace("\"kind\": \"tableMap\",", "\"kind\": \"tableMap\", \"suppressions\": [{ \"rule\": \"dipv1004\", \"justification\": \"legacy\" }],", StringComparison.Ordinal);
        Assert.True(Assert.Single(Run(map, MapLintConfig.Default).Diagnostics).IsSuppressed);
    }

    [Fact]
    public void SuppressionOfAnotherMappingDoesNotApplyAndIsReportedUnused()
    {
        string map = OneWayKeyMap.Replace(
            "\"destination\": \"name\" }",
            "\"destination\": \"name\", \"suppressions\": [{ \"rule\": \"DIPV1004\", \"justification\": \"wrong place\" }] }",
            StringComparison.Ordinal);
        var ids = Run(map, MapLintConfig.Default).Diagnostics.Select(d => (d.Id, d.IsSuppressed)).ToList();
        Assert.Equal([("DIPV1004", false), ("DIPV2009", false)], ids);
    }

    [Fact]
    public void SuppressionOfADisabledRuleIsNotReported()
    {
        string map = Fixture.CustomersMap.Replace("\"kind\": \"tableMap\",", "\"kind\": \"tableMap\", \"suppressions\": [{ \"rule\": \"DIPV2105\", \"justification\": \"off anyway\" }],", StringComparison.Ordinal);
        var config = new MapLintConfig(null, null, new Dictionary<string, ConfiguredSeverity> { ["DIPV2105"] = ConfiguredSeverity.None }, [], [], []);
        Assert.Empty(Run(map, config).Diagnostics);
        Assert.Equal("DIPV2009", Assert.Single(Run(map, MapLintConfig.Default).Diagnostics).Id);
    }
}
