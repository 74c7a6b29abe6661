using System.Text;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Metadata;

/// <summary>
/// Valid entity metadata is bound straight from the reader; anything else takes the syntax tree. Both paths must
/// bind the same entities and report the same findings: on every metadata file of the examples and fixtures, and
/// on thousands of mutations of them (deleted characters, unknown or retyped properties, duplicates, escapes).
/// </summary>
public class EntityMetadataBinderTests
{
    public static TheoryData<string> MetadataFiles() => ExampleFiles("\"entityMetadata\"");

    internal static TheoryData<string> ExampleFiles(string marker)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(CatalogTests.Root, "examples"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(file).Contains(marker, StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(CatalogTests.Root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MetadataFiles))]
    public void ExamplesBindTheSameEitherWay(string path)
    {
        string text = File.ReadAllText(Path.Combine(CatalogTests.Root, path));
        AssertSameEitherWay(path, text);
    }

    [Fact]
    public void ValidMetadataTakesTheReaderPath()
    {
        foreach (string text in new[] { Fixture.FinanceAndOperationsMetadata, Fixture.DataverseMetadata, File.ReadAllText(Path.Combine(CatalogTests.Root, "examples", "metadata", "dataverse.json")) })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var bag = new DiagnosticBag("m.json", null);
            var decoded = Syntax.SourceDecoder.Decode(bytes, bag)!;
            var document = DocumentLoader.LoadFromReader(new WorkspaceFile("m.json", "m.json"), decoded, bag, "entityMetadata");
            Assert.NotEmpty(Assert.IsType<EntityMetadataDocument>(document).Entities);
        }
    }

    [Fact]
    public void MutationsBindTheSameEitherWay()
    {
        int cases = 0;
        foreach (string seed in new[] { Fixture.FinanceAndOperationsMetadata, Fixture.DataverseMetadata })
        {
            foreach (string mutated in Mutations(seed))
            {
                AssertSameEitherWay("mutated.json", mutated);
                cases++;
            }
        }

        Assert.True(cases > 1000, $"only {cases} mutations");
    }

    private static IEnumerable<string> Mutations(string text)
    {
        for (int i = 0; i < text.Length; i += 3)
        {
            yield return text.Remove(i, 1);                       // a character deleted
            yield return text.Insert(i, "\\uD800");               // a lone surrogate escape, wherever it lands
        }

        string[] edits =
        [
            "\"type\": \"string\"", "\"type\": \"text\"",
            "\"type\": \"string\"", "\"type\": 5",
            "\"required\": true", "\"required\": \"yes\"",
            "\"maxLength\": ", "\"maxLength\": -",
            "\"maxLength\": ", "\"maxLength\": 1.5, \"x\": ",
            "\"fields\": {", "\"fields\": { \"a\": { \"type\": \"string\" }, \"a\": { \"type\": \"string\" },",
            "\"fields\": {", "\"fieldz\": {",
            "\"keys\": [[", "\"keys\": [[], [",
            "\"companyScope\": \"company\"", "\"companyScope\": \"Company\"",
            "\"entities\": {", "\"entities\": { \"dup\": { \"fields\": {} }, \"dup\": { \"fields\": {} },",
            "\"entities\": {", "\"entities\": [], \"entities2\": {",
            "\"app\"", "\"entities\": {}, \"app\"",
            "\"values\": [", "\"values\": [null, ",
            "\"values\": [", "\"values\": [\"\\u0041\", 1.50, true, ",
        ];
        for (int e = 0; e < edits.Length; e += 2)
        {
            int at = text.IndexOf(edits[e], StringComparison.Ordinal);
            while (at >= 0)
            {
                yield return text[..at] + edits[e + 1] + text[(at + edits[e].Length)..];
                at = text.IndexOf(edits[e], at + 1, StringComparison.Ordinal);
            }
        }
    }

    internal static void AssertSameEitherWay(string path, string text, Func<MapLintDocument?, string>? describe = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var file = new WorkspaceFile(path, path);
        var readerBag = new DiagnosticBag(path, null);
        var treeBag = new DiagnosticBag(path, null);
        var fromReader = DocumentLoader.Load(file, bytes, readerBag, null, null, bindFromReader: true);
        var fromTree = DocumentLoader.Load(file, bytes, treeBag, null, null, bindFromReader: false);

        describe ??= Describe;
        Assert.Equal(Render(treeBag) + describe(fromTree), Render(readerBag) + describe(fromReader));
    }

    private static string Render(DiagnosticBag bag) =>
        string.Join("\n", bag.Diagnostics.Select(d => $"{d} | {d.JsonPath} | {string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))}").Order(StringComparer.Ordinal)) + "\n";

    private static string Describe(MapLintDocument? document)
    {
        if (document is not EntityMetadataDocument metadata)
        {
            return document?.Kind.ToString() ?? "(none)";
        }

        var text = new StringBuilder();
        text.Append($"{metadata.App}|{metadata.Name}|{metadata.NameSpan}|{string.Join(",", metadata.LegalEntities)}|{string.Join(",", metadata.BusinessUnits)}|{metadata.Suppressions.Count}\n");
        foreach (var entity in metadata.Entities)
        {
            text.Append($"{entity.Name}@{entity.NameSpan} {entity.CompanyScope} {entity.CrossCompanyDataSharing} {entity.TableType} {entity.HasVersionNumber} {entity.CompanyField} keys=[{string.Join(";", entity.Keys.Select(k => string.Join(",", k)))}]\n");
            foreach (var field in entity.Fields)
            {
                text.Append($"  {field.Name} {field.Type} {field.MaxLength} {field.Precision} {field.Required} {field.ReadOnly} {field.Virtual} {field.Target} [{string.Join(",", field.Values ?? [])}]\n");
            }
        }

        return text.ToString();
    }
}
