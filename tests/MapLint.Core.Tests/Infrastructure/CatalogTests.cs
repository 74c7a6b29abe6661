using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Tests.Infrastructure;

/// <summary>Keeps rules, their pages, their tests and their examples findable from each other.</summary>
public class CatalogTests
{
    public static readonly string Root = FindRoot();

    public static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MapLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MapLint.sln not found above the test assembly");
    }

    public static TheoryData<string> RuleIds() => new(AnalyzerCatalog.AllDescriptors.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRuleHasItsPage(string id)
    {
        var descriptor = AnalyzerCatalog.Find(id)!;
        Assert.Equal(DiagnosticDescriptor.HelpLinkBase + id + ".md", descriptor.HelpLink);
        string page = Path.Combine(Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no page {page}");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", text, StringComparison.Ordinal);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity.ToDisplayString()} |", text, StringComparison.Ordinal);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(Root, "docs", "rules", "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRuleHasTests(string id)
    {
        string rules = Path.Combine(Root, "tests", "MapLint.Core.Tests", "Rules");
        bool hasFile = File.Exists(Path.Combine(rules, id + "Tests.cs"));
        bool inFileRules = File.ReadAllText(Path.Combine(rules, "FileRuleTests.cs")).Contains(id + "_Fires", StringComparison.Ordinal);
        Assert.True(hasFile || inFileRules, $"{id} has no tests");
    }

    [Fact]
    public void EveryAnalyzerOfTheAssemblyIsListedOnce()
    {
        // The catalog is written out by hand for the native build; reflection here catches a forgotten one.
        var declared = typeof(Analyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Analyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var listed = AnalyzerCatalog.BuiltIn.Select(a => a.GetType().Name).ToList();
        Assert.Equal(declared, listed);
    }

    [Fact]
    public void AnalyzersAreNamedAfterTheirRule()
    {
        foreach (var analyzer in AnalyzerCatalog.BuiltIn)
        {
            Assert.StartsWith(analyzer.SupportedDiagnostics[0].Id, analyzer.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ServiceCodesStayInTheirBlock()
    {
        var ids = AnalyzerCatalog.AllDescriptors.Select(d => d.Id).ToList();
        Assert.DoesNotContain("DIPV1009", ids);
        Assert.DoesNotContain("DIPV1013", ids);
        Assert.Equal(30, ids.Count(i => string.CompareOrdinal(i, "DIPV1100") < 0));
    }
}
