using MapLint.Configuration;
using MapLint.Workspace;

namespace MapLint.Tests.Infrastructure;

/// <summary>
/// Maps stream by default (each checked by its own rules as it is loaded, then compacted); keeping them whole
/// must give the same findings, to the byte, on every example: the clean workspace and each broken case.
/// </summary>
public class StreamingTests
{
    public static TheoryData<string> Workspaces()
    {
        var data = new TheoryData<string> { "examples" };
        foreach (var folder in Directory.GetDirectories(Path.Combine(CatalogTests.Root, "examples", "broken")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(CatalogTests.Root, folder).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workspaces))]
    public void StreamingAndWholeMapsFindTheSame(string workspace)
    {
        string folder = Path.Combine(CatalogTests.Root, workspace);
        var config = ConfigLoader.Load(null, folder, folder)?.Config ?? MapLintConfig.Default;
        var files = FileDiscovery.Discover([folder], folder, config).Files;

        var streamed = Linter.Run(files, new LintOptions { Config = config });
        var whole = Linter.Run(files, new LintOptions { Config = config, StreamMaps = false });

        Assert.Equal(Render(whole), Render(streamed));
        Assert.DoesNotContain(whole.Model.TableMaps, m => m.IsCompacted);
    }

    [Fact]
    public void StreamedMapsKeepOnlyWhatRulesSpanningMapsNeed()
    {
        string folder = Path.Combine(CatalogTests.Root, "examples");
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        var files = FileDiscovery.Discover([folder], folder, config).Files;
        var whole = Linter.Run(files, new LintOptions { Config = config, StreamMaps = false }).Model.TableMaps.Sum(m => m.Mappings.Count);
        var streamed = Linter.Run(files, new LintOptions { Config = config }).Model.TableMaps;

        Assert.All(streamed, m => Assert.True(m.IsCompacted, m.Name));
        Assert.InRange(streamed.Sum(m => m.Mappings.Count), 1, whole / 2);
    }

    private static string Render(LintResult result) =>
        string.Join("\n", result.Diagnostics.Select(d => $"{d} | {d.Severity} | {d.LogicalLocation} | {d.IsSuppressed} | {d.JsonPath}"));
}
