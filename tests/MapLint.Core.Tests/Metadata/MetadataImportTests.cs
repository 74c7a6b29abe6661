using System.Diagnostics;
using System.Text;
using MapLint.Diagnostics;
using MapLint.Metadata;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MapLint.Tests.Metadata;

public class MetadataImportTests
{
    private readonly ITestOutputHelper output;

    public MetadataImportTests(ITestOutputHelper output) => this.output = output;

    private static string Fixture(string name) => Path.Combine(CatalogTests.Root, "tests", "MapLint.Core.Tests", "Metadata", "Fixtures", name);

    private static (MetadataExport? Export, DiagnosticBag Bag) ReadDataverse(string file)
    {
        var bag = new DiagnosticBag(file, null);
        var text = SourceDecoder.Decode(File.ReadAllBytes(Fixture(file)), bag)!;
        var root = (JsonObject)JsonParser.Parse(text, bag)!;
        Assert.True(DataverseMetadataReader.IsExport(root));
        return (DataverseMetadataReader.Read(root, bag), bag);
    }

    [Fact]
    public void DataverseExportIsReadAsDocumented()
    {
        var (export, bag) = ReadDataverse("dataverse-entities.json");
        Assert.Equal(["account", "msdyn_customergroup", "msdyn_virtualbook"], export!.Entities.Select(e => e.Name));
        var account = export.Entities[0];
        Assert.Equal(CompanyScope.Company, account.CompanyScope);
        Assert.Equal("msdyn_company", account.CompanyField);
        Assert.Equal([["accountnumber", "msdyn_company"]], account.Keys);
        Assert.Equal(new ExportedField("name", FieldType.String) { MaxLength = 100, Required = true }, account.Fields["name"] with { NumericValues = false });
        Assert.Equal("msdyn_customergroup", account.Fields["msdyn_customergroupid"].Target);
        Assert.Equal(["1", "2", "3"], account.Fields["msdyn_partytype"].Values);
        Assert.True(account.Fields["statecode"].ReadOnly);
        Assert.False(account.Fields["accountid"].Required); // SystemRequired: filled by Dataverse
        Assert.False(account.Fields.ContainsKey("msdyn_companyname")); // AttributeOf: a helper of msdyn_company
        Assert.Equal(TableType.Virtual, export.Entities[2].TableType);

        var info = Assert.Single(bag.Diagnostics);
        Assert.Equal(("DIPV2011", Severity.Info), (info.Id, info.Severity));
        Assert.Equal("'account.entityimage' has attribute type 'Virtual', which MapLint does not model; the field is left out of the metadata.", info.Message);
        Assert.Equal(24, info.Location.LineSpan.Start.Line);
    }

    [Fact]
    public void FinanceAndOperationsMetadataIsReadAsDocumented()
    {
        var bag = new DiagnosticBag("fo-metadata.xml", null);
        var export = FinanceOperationsMetadataReader.Read(File.ReadAllBytes(Fixture("fo-metadata.xml")), bag, ["LegalEntities"])!;
        Assert.Equal(["CustomersV3", "CustomerGroups", "LegalEntities"], export.Entities.Select(e => e.Name));
        var customers = export.Entities[0];
        Assert.Equal(CompanyScope.Company, customers.CompanyScope);
        Assert.Equal([["dataAreaId", "CustomerAccount"]], customers.Keys);
        Assert.Equal(new ExportedField("OrganizationName", FieldType.String) { MaxLength = 100, Required = true }, customers.Fields["OrganizationName"]);
        Assert.Equal(new ExportedField("CreditLimit", FieldType.Decimal) { Precision = 2 }, customers.Fields["CreditLimit"]);
        Assert.Equal(["None", "Person", "Organization"], customers.Fields["PartyType"].Values);
        Assert.Equal(CompanyScope.Global, export.Entities[2].CompanyScope);
        Assert.True(export.Entities[2].CrossCompanyDataSharing);
        Assert.Equal("'CustomersV3.Photo' has type 'Edm.Stream', which MapLint does not model; the field is left out of the metadata.", Assert.Single(bag.Diagnostics).Message);
    }

    [Theory]
    [InlineData("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices>", "is not well-formed XML: it ends before its elements are closed")]
    [InlineData("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices><Schema Namespace=\"N\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\"><EntityType><Property Name=\"P\" Type=\"Edm.String\" /></EntityType></Schema></edmx:DataServices></edmx:Edmx>", "does not parse")]
    [InlineData("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><a></b>", "is not well-formed XML")]
    public void BrokenMetadataIsAnErrorNotACrash(string xml, string message)
    {
        var result = Linter.Run([("exports/$metadata.xml", Encoding.UTF8.GetBytes(xml))]);
        Assert.All(result.Diagnostics, d => Assert.Equal("DIPV2012", d.Id));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
    }

    /// <summary>The same facts as the fixture exports, written by hand as entityMetadata.</summary>
    private const string HandWrittenDataverse = """
        { "kind": "entityMetadata", "app": "dataverse", "entities": {
          "account": { "companyScope": "company", "keys": [["accountnumber", "msdyn_company"]], "fields": {
            "accountid": { "type": "guid" }, "accountnumber": { "type": "string", "maxLength": 20 },
            "name": { "type": "string", "maxLength": 100, "required": true },
            "msdyn_company": { "type": "lookup", "target": "cdm_company" },
            "msdyn_customergroupid": { "type": "lookup", "target": "msdyn_customergroup", "required": true },
            "creditlimit": { "type": "money", "precision": 2 }, "msdyn_partytype": { "type": "optionSet", "values": [1, 2, 3] },
            "statecode": { "type": "optionSet", "values": [0, 1], "readOnly": true }, "nickname": { "type": "string", "maxLength": 20 },
            "numberofemployees": { "type": "integer" }, "createdon": { "type": "dateTime", "readOnly": true } } },
          "msdyn_customergroup": { "companyScope": "company", "keys": [["msdyn_groupid", "msdyn_company"]], "fields": {
            "msdyn_groupid": { "type": "string", "maxLength": 10, "required": true }, "msdyn_description": { "type": "string", "maxLength": 60 },
            "msdyn_company": { "type": "lookup", "target": "cdm_company" } } },
          "msdyn_virtualbook": { "tableType": "virtual", "keys": [["msdyn_name"]], "fields": { "msdyn_name": { "type": "string", "maxLength": 20, "required": true } } },
          "cdm_company": { "keys": [["cdm_companycode"]], "fields": { "cdm_companycode": { "type": "string", "maxLength": 4, "required": true }, "cdm_name": { "type": "string", "maxLength": 60, "required": true } } } } }
        """;

    private const string HandWrittenFinanceAndOperations = """
        { "kind": "entityMetadata", "app": "financeAndOperations", "entities": {
          "CustomersV3": { "companyScope": "company", "fields": {
            "dataAreaId": { "type": "string", "maxLength": 4, "required": true }, "CUSTOMERACCOUNT": { "type": "string", "maxLength": 20, "required": true },
            "ORGANIZATIONNAME": { "type": "string", "maxLength": 100, "required": true }, "CUSTOMERGROUPID": { "type": "string", "maxLength": 10, "required": true },
            "CREDITLIMIT": { "type": "decimal", "precision": 2 }, "PARTYTYPE": { "type": "enum", "values": ["None", "Person", "Organization"] },
            "NAMEALIAS": { "type": "string", "maxLength": 20 }, "EMPLOYEES": { "type": "integer" }, "LASTCONTACT": { "type": "dateTime" } } },
          "CustomerGroups": { "companyScope": "company", "fields": {
            "dataAreaId": { "type": "string", "maxLength": 4, "required": true }, "CUSTOMERGROUPID": { "type": "string", "maxLength": 10, "required": true },
            "DESCRIPTION": { "type": "string", "maxLength": 60 } } } } }
        """;

    private static string CaseMap(string extraMapping, string keyDirection = "=") => $$"""
        { "kind": "tableMap", "name": "Customers",
          "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
          "destination": { "app": "dataverse", "entity": "account" },
          "mappings": [
            { "source": "CUSTOMERACCOUNT", "direction": "{{keyDirection}}", "destination": "accountnumber" },
            { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
            { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }{{extraMapping}}
          ] }
        """;

    public static TheoryData<string, string> Cases() => new()
    {
        { string.Empty, "=" },
        { string.Empty, ">" },
        { ", { \"source\": \"NAMEALIAS\", \"direction\": \"=\", \"destination\": \"nicknam\" }", "=" },
        { ", { \"source\": \"NAMEALIAS\", \"direction\": \"=\", \"destination\": \"numberofemployees\" }", "=" },
        { ", { \"source\": \"NAMEALIAS\", \"direction\": \"=\", \"destination\": \"createdon\" }", "=" },
        { ", { \"source\": \"PARTYTYPE\", \"direction\": \">>\", \"destination\": \"msdyn_partytype\", \"transform\": { \"valueMap\": [{ \"source\": \"None\", \"destination\": 1 }] } }", "=" },
        { ", { \"source\": \"CUSTOMERGROUPID\", \"direction\": \">\", \"destination\": \"msdyn_customergroupid\" }", "=" },
        { ", { \"source\": \"EMPLOYEE\", \"direction\": \"=\", \"destination\": \"numberofemployees\" }", "=" },
    };

    /// <summary>End to end: a map checked against the exports read directly finds what it finds against hand-written metadata.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void MapsFindTheSameProblemsAgainstExportsAsAgainstHandWrittenMetadata(string extraMapping, string keyDirection)
    {
        var map = ("case/map.json", Encoding.UTF8.GetBytes(CaseMap(extraMapping, keyDirection)));
        var customerGroups = ("case/customer-groups.json", Encoding.UTF8.GetBytes(Infrastructure.Fixture.CustomerGroupsMap));
        var handWritten = Linter.Run([map, customerGroups, ("meta/dataverse.json", Encoding.UTF8.GetBytes(HandWrittenDataverse)), ("meta/fo.json", Encoding.UTF8.GetBytes(HandWrittenFinanceAndOperations))]);
        var exports = Linter.Run([
            map,
            customerGroups,
            ("exports/dataverse-entities.json", File.ReadAllBytes(Fixture("dataverse-entities.json"))),
            ("exports/dataverse-company.json", File.ReadAllBytes(Fixture("dataverse-company.json"))),
            ("exports/$metadata.xml", File.ReadAllBytes(Fixture("fo-metadata.xml")))]);

        // Same problems: same codes at the same places. Messages may spell a field as its metadata does
        // (CUSTOMERACCOUNT by hand, CustomerAccount in $metadata; MapLint matches names case-insensitively).
        static List<string> OnCase(LintResult r) => r.Diagnostics
            .Where(d => d.Location.Path.StartsWith("case/", StringComparison.Ordinal))
            .Select(d => $"{d.Location.Path}({d.Location.LineSpan.Start.Line},{d.Location.LineSpan.Start.Column}) {d.Id}")
            .ToList();
        Assert.Equal(OnCase(handWritten), OnCase(exports));
        output.WriteLine(string.Join("\n", exports.Diagnostics));
    }

    [Fact]
    public void CasesAreNotAllClean() =>
        Assert.Contains(Cases(), c => Linter.Run([
            ("case/map.json", Encoding.UTF8.GetBytes(CaseMap((string)c[0], (string)c[1]))),
            ("exports/$metadata.xml", File.ReadAllBytes(Fixture("fo-metadata.xml"))),
            ("exports/dataverse-entities.json", File.ReadAllBytes(Fixture("dataverse-entities.json")))]).Diagnostics.Any(d => d.Location.Path == "case/map.json"));

    [Fact]
    public void LargeMetadataWithTwoThousandEntityTypesLoads()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices><Schema Namespace=\"Microsoft.Dynamics.DataEntities\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">");
        for (int i = 0; i < 2000; i++)
        {
            xml.Append("<EntityType Name=\"Entity").Append(i).Append("\"><Key><PropertyRef Name=\"dataAreaId\" /><PropertyRef Name=\"Id\" /></Key><Property Name=\"dataAreaId\" Type=\"Edm.String\" Nullable=\"false\" MaxLength=\"4\" /><Property Name=\"Id\" Type=\"Edm.String\" Nullable=\"false\" MaxLength=\"20\" />");
            for (int p = 0; p < 25; p++)
            {
                xml.Append("<Property Name=\"Field").Append(p).Append("\" Type=\"").Append(p % 3 == 0 ? "Edm.Decimal\" Scale=\"2" : p % 3 == 1 ? "Edm.Int32" : "Edm.String\" MaxLength=\"60").Append("\" />");
            }

            xml.Append("</EntityType>");
        }

        xml.Append("<EntityContainer Name=\"Resources\">");
        for (int i = 0; i < 2000; i++)
        {
            xml.Append("<EntitySet Name=\"Entities").Append(i).Append("\" EntityType=\"Microsoft.Dynamics.DataEntities.Entity").Append(i).Append("\" />");
        }

        xml.Append("</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>");
        var bytes = Encoding.UTF8.GetBytes(xml.ToString());
        var clock = Stopwatch.StartNew();
        var result = Linter.Run([("exports/$metadata.xml", bytes)]);
        clock.Stop();
        output.WriteLine($"2,000 entity types, {bytes.Length / 1024} KB: loaded in {clock.ElapsedMilliseconds} ms");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Entities1999", result.Model.Metadata.FindEntity(Apps.FinanceAndOperations, "Entities1999")?.Name);
        Assert.Equal(27, result.Model.Metadata.FindEntity(Apps.FinanceAndOperations, "Entities7")!.Fields.Count);

        // With maps in the workspace the export is converted lazily: only the entities they use.
        var map = Encoding.UTF8.GetBytes("{ \"kind\": \"tableMap\", \"name\": \"m\", \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"Entities7\" }, \"destination\": { \"app\": \"dataverse\", \"entity\": \"t\" }, \"mappings\": [ { \"source\": \"Id\", \"direction\": \"=\", \"destination\": \"x\" }, { \"source\": \"Idd\", \"direction\": \"=\", \"destination\": \"y\" } ] }");
        clock.Restart();
        var lazy = Linter.Run([("exports/$metadata.xml", bytes), ("map.json", map)]);
        output.WriteLine($"with one map: loaded in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(["Entities7"], lazy.Model.Metadata.EntityNames(Apps.FinanceAndOperations));
        Assert.Equal("DIPV1022", Assert.Single(lazy.Diagnostics).Id); // the rules see the entity: 'Idd' is not one of its fields
    }

    [Fact]
    public void DataverseExportIsConvertedForTheMapsAndTheirLookupTargets()
    {
        var map = Encoding.UTF8.GetBytes(Infrastructure.Fixture.CustomersMap);
        var result = Linter.Run([("exports/dataverse-entities.json", File.ReadAllBytes(Fixture("dataverse-entities.json"))), ("map.json", map)]);
        Assert.Equal(["account", "msdyn_customergroup"], result.Model.Metadata.EntityNames(Apps.Dataverse).Order(StringComparer.Ordinal));
    }
}
