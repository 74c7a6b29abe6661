using MapLint.Configuration;

namespace MapLint.Tests.Rules;

/// <summary>
/// Tests of DIPV2024 (an .editorconfig category MapLint does not have) and of DIPV2010 for ids meant for MapLint.
/// The category key is Roslyn's (learn.microsoft.com/dotnet/fundamentals/code-analysis/categories:
/// <c>dotnet_analyzer_diagnostic.category-&lt;category&gt;.severity</c>), and so are the .NET categories left alone.
/// </summary>
public class DIPV2024Tests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-config-").FullName;

    public DIPV2024Tests() => Directory.CreateDirectory(Path.Combine(folder, ".git"));

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
    public void Fires_UnknownCategoryInAJsonSection()
    {
        var finding = Assert.Single(Findings("root = true\n[*.json]\ndotnet_analyzer_diagnostic.category-Typo.severity = none\n"));
        Assert.Equal("DIPV2024", finding.Id);
        Assert.Equal(new Text.LinePosition(3, 37), finding.Location.LineSpan.Start);
        Assert.Equal(new Text.LinePosition(3, 41), finding.Location.LineSpan.End);
        Assert.Equal("'Typo' is not a MapLint category, so 'dotnet_analyzer_diagnostic.category-Typo.severity' has no effect. MapLint's categories: Document, Connection, Project, Organization, IntegrationKey, Mapping, Schema, DataType, Filter, Sync, Internal.", finding.Message);
    }

    [Fact]
    public void Fires_CategoryCloseToMapLintsAnywhere()
    {
        var finding = Assert.Single(Findings("root = true\n[*]\ndotnet_analyzer_diagnostic.category-Mapings.severity = none\n"));
        Assert.Equal("DIPV2024", finding.Id);
        Assert.Contains("Did you mean 'Mapping'?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_IdCloseToMapLintsAndAnyIdInAJsonSection()
    {
        var findings = Findings("root = true\n[*]\ndotnet_diagnostic.DPIV1004.severity = none\n[maps/*.json]\ndotnet_diagnostic.XYZ1.severity = none\n");
        Assert.Equal(["DIPV2010"], findings.Select(d => d.Id).Distinct());
        Assert.Equal(new Text.LinePosition(3, 19), findings[0].Location.LineSpan.Start);
        Assert.Equal("'DPIV1004' is not a MapLint rule, so this setting has no effect. Did you mean 'DIPV1004'?", findings[0].Message);
        Assert.Equal(new Text.LinePosition(5, 19), findings[1].Location.LineSpan.Start);
    }

    [Fact]
    public void Silent_OtherAnalyzersIdsAndCategoriesOutsideJsonSections()
    {
        Assert.Empty(Findings("root = true\n[*]\ndotnet_analyzer_diagnostic.category-Performance.severity = warning\ndotnet_analyzer_diagnostic.category-Roslynator.severity = none\ndotnet_diagnostic.CA1000.severity = none\ndotnet_diagnostic.IDE0055.severity = error\n[*.cs]\ndotnet_analyzer_diagnostic.category-Typo.severity = none\n[*.json]\ndotnet_analyzer_diagnostic.category-Style.severity = none\ndotnet_analyzer_diagnostic.category-StyleCop.CSharp.SpacingRules.severity = none\n[*.{cs,json}]\ndotnet_diagnostic.CA1000.severity = none\ndotnet_analyzer_diagnostic.category-Roslynator.severity = none\n"));
    }
}
