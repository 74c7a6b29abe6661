using System.Text;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Metadata;

/// <summary>
/// An entity's fields are kept as columns (<see cref="FieldTable"/>) rather than a dictionary of objects; a field is
/// found by name whatever its case, as before, and a name written twice keeps the dictionary's answers: its first
/// place and spelling, the later field's values.
/// </summary>
public class FieldTableTests
{
    [Theory]
    [MemberData(nameof(MetadataFiles))]
    public void EveryFieldIsFoundWhateverItsCase(string path)
    {
        foreach (var entity in Load(File.ReadAllText(Path.Combine(CatalogTests.Root, path)), bindFromReader: true).Entities)
        {
            Assert.Equal(entity.Fields.Count, entity.FieldNames.Count());
            foreach (var field in entity.Fields)
            {
                foreach (string name in new[] { field.Name, field.Name.ToUpperInvariant(), field.Name.ToLowerInvariant() })
                {
                    var found = entity.FindField(name);
                    Assert.NotNull(found);
                    Assert.Equal(field, found);
                    Assert.Equal(field.Describe(), found.Describe());
                }
            }

            Assert.Null(entity.FindField("no_such_column_" + entity.Name));
        }
    }

    public static TheoryData<string> MetadataFiles() => EntityMetadataBinderTests.ExampleFiles("\"entityMetadata\"");

    [Fact]
    public void ManyFieldsAreEachFoundOnce()
    {
        // Enough names to grow the index several times, several of them equal but for case.
        var text = new StringBuilder("{\"kind\": \"entityMetadata\", \"app\": \"dataverse\", \"entities\": {\"wide\": {\"fields\": {");
        for (int i = 0; i < 3000; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append($"\"col{i}\": {{\"type\": \"string\", \"maxLength\": {i + 1}}}");
        }

        text.Append("}}}}");
        var entity = Assert.Single(Load(text.ToString(), bindFromReader: true).Entities);
        Assert.Equal(3000, entity.Fields.Count);
        for (int i = 0; i < 3000; i++)
        {
            Assert.Equal(i + 1, entity.FindField($"COL{i}")?.MaxLength);
        }

        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"col{i}"), entity.FieldNames);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ANameWrittenTwiceInAnotherCaseKeepsItsPlaceAndSpellingAndTakesTheLaterValues(bool bindFromReader)
    {
        const string Text = """
            {"kind": "entityMetadata", "app": "dataverse", "entities": {"account": {"fields": {
              "accountnumber": {"type": "string", "maxLength": 20},
              "name": {"type": "string", "maxLength": 160},
              "AccountNumber": {"type": "lookup", "target": "contact", "required": true}
            }}}}
            """;
        var entity = Assert.Single(Load(Text, bindFromReader).Entities);
        Assert.Equal(["accountnumber", "name"], entity.FieldNames);
        var field = entity.FindField("ACCOUNTNUMBER");
        Assert.NotNull(field);
        Assert.Equal("AccountNumber", field.Name);
        Assert.Equal(FieldType.Lookup, field.Type);
        Assert.Null(field.MaxLength);
        Assert.True(field.Required);
        Assert.Equal(["contact"], field.Targets);
        Assert.Equal(["AccountNumber", "name"], entity.Fields.Select(f => f.Name));
    }

    private static EntityMetadataDocument Load(string text, bool bindFromReader)
    {
        var file = new WorkspaceFile("m.json", "m.json");
        var document = DocumentLoader.Load(file, Encoding.UTF8.GetBytes(text), new DiagnosticBag("m.json", null), null, null, bindFromReader: bindFromReader);
        return Assert.IsType<EntityMetadataDocument>(document);
    }
}
