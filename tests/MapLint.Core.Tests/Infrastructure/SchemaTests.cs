using System.Text;
using MapLint.Syntax;
using MapLint.Documents;
using NJsonSchema;

namespace MapLint.Tests.Infrastructure;

/// <summary>
/// schemas/ is generated from the shapes the binder validates with; this checks the files are current and that
/// NJsonSchema, validating against them, gives every example and test document the binder's verdict.
/// </summary>
public class SchemaTests
{
    [Fact]
    public void SchemaFilesAreUpToDate()
    {
        foreach (var kind in DocumentKinds.All)
        {
            string path = Path.Combine(CatalogTests.Root, "schemas", kind.SchemaFileName);
            Assert.True(File.Exists(path), path);
            Assert.True(SchemaWriter.Write(kind) == File.ReadAllText(path), $"{path} is stale: run `dotnet run --project src/MapLint.Cli -- schemas schemas`");
        }
    }

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        // examples/service/ holds the service's own records, which MapLint's schemas do not describe.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(CatalogTests.Root, "examples"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => !Path.GetRelativePath(CatalogTests.Root, f).Replace('\\', '/').StartsWith("examples/service/", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(CatalogTests.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task NJsonSchemaAgreesWithTheBinder(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CatalogTests.Root, relativePath));
        var result = Linter.Run([(relativePath, bytes)]);
        if (result.DocumentCount == 0 || result.Diagnostics.Any(d => d.Id is "DIPV2000" or "DIPV2002" or "DIPV2003" or "DIPV2006"))
        {
            return; // not a well-formed MapLint document: the schema verdict is not comparable
        }

        string kind = ((JsonString)result.Model.Documents[0].Root.Get("kind")!).Value;
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CatalogTests.Root, "schemas", kind + ".schema.json"));
        var errors = schema.Validate(Encoding.UTF8.GetString(bytes));
        bool binderValid = !result.Diagnostics.Any(d => d.Id == "DIPV2001");
        Assert.True(binderValid == (errors.Count == 0), $"binder valid={binderValid}, NJsonSchema errors: {string.Join("; ", errors.Select(e => e.Path + " " + e.Kind))}");
    }

    [Fact]
    public async Task NJsonSchemaRejectsWhatTheBinderRejects()
    {
        string text = Fixture.CustomersMap.Replace("\"direction\": \"=\"", "\"direction\": \"=>\"", StringComparison.Ordinal).Replace("\"kind\": \"tableMap\",", "\"kind\": \"tableMap\", \"colour\": 3,", StringComparison.Ordinal);
        var result = Linter.Run([("map.json", Encoding.UTF8.GetBytes(text))]);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CatalogTests.Root, "schemas", "tableMap.schema.json"));
        Assert.Equal(4, result.Diagnostics.Count(d => d.Id == "DIPV2001"));
        Assert.Equal(4, schema.Validate(text).Count);
    }
}
