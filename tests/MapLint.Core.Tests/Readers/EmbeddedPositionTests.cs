using System.Text;
using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Readers;

/// <summary>
/// Findings inside a map definition embedded in a service record point at the characters of the user's file:
/// through the JSON string escapes of a Web API export (once or twice encoded), through the XML escapes of
/// Customizations.xml, and into filters, whose parsers count characters of the decoded value.
/// </summary>
public class EmbeddedPositionTests
{
    // A map that syncs both ways with its key field mapped one way: DIPV1004 at the destination field (needs the fixture's key).
    private static string OneWayKey(string markDestination) => Definition(
        FieldMapping("CUSTOMERACCOUNT", "1", markDestination) + "," + FieldMapping("ORGANIZATIONNAME", "3", "name") + "," + FieldMapping("CUSTOMERGROUPID", "3", "msdyn_customergroupid.msdyn_groupid"));

    // The export is a deployment of its own: the fixture's MapLint maps do not sync customer groups for it (DIPV2202).
    private static string LookupMarked(string text, string quote) =>
        text.Replace(quote + "msdyn_customergroupid.msdyn_groupid" + quote, "{|DIPV2202:" + quote + "msdyn_customergroupid.msdyn_groupid" + quote + "|}", StringComparison.Ordinal);

    [Fact]
    public void WebApiExport_FindingAtTheEscapedField() =>
        RuleVerifier.Verify(("service/export.json", LookupMarked(ExportOf(OneWayKey("accountnumber")), "\\\"")
            .Replace("\\\"accountnumber\\\"", "{|DIPV1004:\\\"accountnumber\\\"|}", StringComparison.Ordinal)));

    [Fact]
    public void WebApiExport_LineAndColumnAreTheFilesAndTheTextNamesTheMapping()
    {
        string export = ExportOf(OneWayKey("accountnumber"));
        var result = Linter.Run([.. Fixture.Documents.Select(d => (d.Path, Encoding.UTF8.GetBytes(d.Text))), ("service/export.json", Encoding.UTF8.GetBytes(export))]);
        var finding = result.Diagnostics.Single(d => d.Id == "DIPV1004");
        int at = export.IndexOf("\\\"accountnumber\\\"", StringComparison.Ordinal);
        Assert.Equal(new Text.LinePosition(1, at + 1), finding.Location.LineSpan.Start);
        Assert.Equal(new Text.LinePosition(1, at + 1 + "\\\"accountnumber\\\"".Length), finding.Location.LineSpan.End);
        Assert.Equal("Customers", finding.Properties["map"]);
        Assert.Equal("CUSTOMERACCOUNT > accountnumber", finding.Properties["fieldMapping"]);
        Assert.Equal("tableMap:Customers/mapping:CUSTOMERACCOUNT|accountnumber", finding.LogicalLocation);
    }

    [Fact]
    public void DoubleEncoded_FindingThroughBothLayers()
    {
        string export = DoubleEncodedExportOf(OneWayKey("accountnumber"));
        var result = Linter.Run([.. Fixture.Documents.Select(d => (d.Path, Encoding.UTF8.GetBytes(d.Text))), ("service/export.json", Encoding.UTF8.GetBytes(export))]);
        var finding = result.Diagnostics.Single(d => d.Id == "DIPV1004");
        // Encoded twice, the field's quotes are \\\" in the file: the span runs from the first backslash to the last quote.
        string written = "\\\\\\\"accountnumber\\\\\\\"";
        Assert.Equal(written, finding.Location.Text!.GetText(finding.Location.Span));
        Assert.Equal(export.IndexOf(written, StringComparison.Ordinal), finding.Location.Span.Start);
    }

    [Fact]
    public void Customizations_FindingThroughXmlEscapes() =>
        RuleVerifier.Verify(("solution/Other/Customizations.xml", Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0",
            LookupMarked(XmlEscape(OneWayKey("accountnumber")), "&quot;").Replace("&quot;accountnumber&quot;", "{|DIPV1004:&quot;accountnumber&quot;|}", StringComparison.Ordinal)))));

    [Fact]
    public void Filters_PointAtTheCharacterThroughEscapes()
    {
        string definition = Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber"), extraLeg: ",\"sourceFilter\":\"((NAME == \\\"Contoso é\\\") && (PARTYTYPE {|DIPV2101:=|} PartyType::Person))\",\"reversedSourceFilter\":\"name eq 'Contoso é'\"");
        RuleVerifier.VerifyWithoutFixture(("service/export.json", ExportOf(definition)));
        RuleVerifier.VerifyWithoutFixture(("solution/Other/Customizations.xml", Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0", XmlEscape(definition)))));
    }

    [Fact]
    public void UnicodeEscapes_KeepColumnsInCharacters()
    {
        // \u00e9 is six characters in the file and one in the value: the finding after it is still where it is written.
        string definition = Definition(FieldMapping("DESCRIPTION", "\"7\"", "description_\\u00e9"));
        string export = ExportOf(definition);
        var finding = Linter.Run([("service/export.json", Encoding.UTF8.GetBytes(export))]).Diagnostics.Single(d => d.Id == "DIPV2033");
        Assert.Equal("\\\"7\\\"", finding.Location.Text!.GetText(finding.Location.Span));
    }

    [Fact]
    public void DirectionsComeFromEachLegsEnvironmentTypes()
    {
        // A leg from Dataverse (CRM) to finance and operations (AX): syncDirection 1 runs from Dataverse.
        string definition = Definition(FieldMapping("accountnumber", "1", "CUSTOMERACCOUNT"), source: "account", destination: "CustomersV3", sourceType: "CRM", destinationType: "AX");
        var map = Assert.Single(Linter.Run([("service/export.json", Encoding.UTF8.GetBytes(ExportOf(definition)))], new LintOptions { StreamMaps = false }).Model.TableMaps);
        Assert.Equal(Model.Apps.Dataverse, map.Source.App);
        Assert.Equal(Model.Apps.FinanceAndOperations, map.Destination.App);
        Assert.Equal(Model.MapDirection.ToDestination, map.Mappings.Single().Direction);
    }

    [Fact]
    public void SixMapTypes_FromDirectionAndTransform()
    {
        string transform = ",\"valueTransforms\":[{\"transformType\":\"ValueMap\",\"valueMap\":{\"Person\":\"192350001\"}}]";
        string definition = Definition(string.Join(",",
            FieldMapping("A", "3", "a"), FieldMapping("B", "3", "b", transform), FieldMapping("C", "1", "c"),
            FieldMapping("D", "2", "d"), FieldMapping("E", "1", "e", transform), FieldMapping("F", "2", "f", transform)));
        var map = Assert.Single(Linter.Run([("service/export.json", Encoding.UTF8.GetBytes(ExportOf(definition)))], new LintOptions { StreamMaps = false }).Model.TableMaps);
        Assert.Equal(["=", "><", ">", "<", ">>", "<<"], map.Mappings.Select(m => Model.MapDirections.Symbol(m.Direction)));
        Assert.Equal("192350001", map.Mappings[1].Transform!.ValueMap!.Single().Destination);
    }
}
