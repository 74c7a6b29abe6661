using System.Text;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2011: a metadata export has an attribute type MapLint does not model.</summary>
public class DIPV2011Tests
{
    private static string Export(string attributeType) => $$"""
        { "LogicalName": "msdyn_book", "Attributes": [
          { "LogicalName": "msdyn_name", "AttributeType": "String", "MaxLength": 20 },
          { "LogicalName": "msdyn_cover", "AttributeType": "{{attributeType}}" } ] }
        """;

    [Fact]
    public void Fires_ImageAttributeInDataverseExport()
    {
        var diagnostic = Assert.Single(Linter.Run([("exports/book.json", Encoding.UTF8.GetBytes(Export("Virtual")))]).Diagnostics);
        Assert.Equal(("DIPV2011", new Text.LinePosition(3, 52)), (diagnostic.Id, diagnostic.Location.LineSpan.Start));
        Assert.Equal("'msdyn_book.msdyn_cover' has attribute type 'Virtual', which MapLint does not model; the field is left out of the metadata.", diagnostic.Message);
    }

    [Fact]
    public void Silent_ModelledAttributeType()
    {
        var result = Linter.Run([("exports/book.json", Encoding.UTF8.GetBytes(Export("Memo")))]);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.DocumentCount);
    }
}
