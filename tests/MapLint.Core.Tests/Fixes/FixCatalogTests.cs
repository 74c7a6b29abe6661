using MapLint.Analysis;
using MapLint.Fixes;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Fixes;

/// <summary>Every fix is documented on its rule's page (safe or unsafe), and no page promises a fix that does not exist.</summary>
public class FixCatalogTests
{
    private static string Page(string id) => File.ReadAllText(Path.Combine(CatalogTests.Root, "docs", "rules", id + ".md"));

    private static string? FixSection(string id)
    {
        string page = Page(id);
        int start = page.IndexOf("\n## Automatic fix\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        int end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)];
    }

    [Fact]
    public void EveryFixableRule_SaysOnItsPageWhetherItsFixIsSafe()
    {
        foreach (var id in CodeFixes.BuiltIn.SelectMany(p => p.FixableDiagnosticIds))
        {
            Assert.True(AnalyzerCatalog.Find(id) is not null, $"{id} is not a rule");
            string? section = FixSection(id);
            Assert.True(section is not null, $"docs/rules/{id}.md has no 'Automatic fix' section");
            Assert.True(section!.Contains("**Safe", StringComparison.Ordinal) || section.Contains("**Unsafe", StringComparison.Ordinal), $"{id}: the section does not say safe or unsafe");
        }
    }

    [Fact]
    public void NoPage_PromisesAFixThatDoesNotExist()
    {
        foreach (var page in Directory.GetFiles(Path.Combine(CatalogTests.Root, "docs", "rules"), "DIPV*.md"))
        {
            string id = Path.GetFileNameWithoutExtension(page);
            Assert.True(FixSection(id) is null || CodeFixes.HasFix(id), $"{id}.md describes an automatic fix but no fix provider handles {id}");
        }
    }
}
