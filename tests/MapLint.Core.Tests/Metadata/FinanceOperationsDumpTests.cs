using System.Text;
using MapLint.Diagnostics;
using MapLint.Metadata;
using MapLint.Model;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Metadata;

/// <summary>
/// A finance and operations $metadata in the shape of a real dump (Fixtures/fo-metadata-dump.xml: the Dynamics
/// annotation vocabulary, AXType with a nested EnumMember, a second schema defining EnumType AXType, no MaxLength,
/// byte order mark, CRLF), read the way users read it: lazily through maplint.json globs, and whole by import.
/// </summary>
public class FinanceOperationsDumpTests
{
    private static byte[] Dump() => File.ReadAllBytes(Path.Combine(CatalogTests.Root, "tests", "MapLint.Core.Tests", "Metadata", "Fixtures", "fo-metadata-dump.xml"));

    private const string CustomersMap = """
        { "kind": "tableMap", "name": "Customers", "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
          "destination": { "app": "dataverse", "entity": "account" },
          "mappings": [ { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" } ] }
        """;

    [Fact]
    public void ADumpReadForTheMapsDoesNotCrash()
    {
        // Before: the cut-down copy dropped the text of <EnumMember>, and Microsoft.OData.Edm threw a
        // NullReferenceException in EdmXmlDocumentParser.ValidateEnumMembersPath, out of the whole run.
        var result = Linter.Run([("exports/fo-metadata.xml", Dump()), ("maps/customers.json", Encoding.UTF8.GetBytes(CustomersMap))]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "DIPV2012" or "DIPV1001" or "DIPV1006");
        Assert.Equal(["CustomersV3"], result.Model.Metadata.EntityNames(Apps.FinanceAndOperations));
    }

    [Fact]
    public void MandatoryIsTheIsRequiredAnnotationAndReadOnlyIsAllowEdit()
    {
        var bag = new DiagnosticBag("fo-metadata-dump.xml", null);
        var export = FinanceOperationsMetadataReader.Read(Dump(), bag, [])!;
        var customers = export.Entities.Single(e => e.Name == "CustomersV3");
        var fields = customers.Fields;

        // Nullable="false" is on every one of these; only IsRequired makes a field mandatory.
        Assert.True(fields["CustomerAccount"].Required);
        Assert.True(fields["CustomerGroupId"].Required);
        Assert.False(fields["OrganizationName"].Required);
        Assert.False(fields["CreditLimit"].Required);
        Assert.False(fields["Employees"].Required);
        Assert.False(fields["CreatedDateTime"].Required);
        Assert.False(fields["IsOneTimeCustomer"].Required);

        // Read-only: AllowEdit and AllowEditOnCreate both false. A key set on create is writable.
        Assert.True(fields["RecordVersion"].ReadOnly);
        Assert.True(fields["CreatedDateTime"].ReadOnly);
        Assert.True(fields["dataAreaId"].ReadOnly);
        Assert.False(fields["CustomerAccount"].ReadOnly);
        Assert.False(fields["PartyType"].ReadOnly);
        Assert.False(fields["NameAlias"].ReadOnly);

        Assert.Null(fields["OrganizationName"].MaxLength);
        Assert.Equal(["No", "Yes"], fields["IsOneTimeCustomer"].Values);
        Assert.Equal([["dataAreaId", "CustomerAccount"]], customers.Keys);
        Assert.Equal(["CustomersV3", "CustomerGroups", "LegalEntities"], export.Entities.Select(e => e.Name));
        Assert.Equal("'CustomersV3.Photo' has type 'Edm.Stream', which MapLint does not model; the field is left out of the metadata.", Assert.Single(bag.Diagnostics).Message);
    }

    /// <summary>Annotation contents a dump may carry that MapLint does not expect: each is ignored, none is an error.</summary>
    public static TheoryData<string> OddAnnotations() =>
    [
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.AXType\"><EnumMember></EnumMember></Annotation>",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.AXType\"><EnumMember>   </EnumMember></Annotation>",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.AXType\"><EnumMember>NoSuchEnum/Nothing</EnumMember></Annotation>",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.AXType\" EnumMember=\"Microsoft.Dynamics.OData.Core.V1.AXType/String\" />",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.AXType\"><Collection><String>x</String></Collection></Annotation>",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.IsRequired\" Bool=\"yes\" />",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.IsRequired\"><Bool>true</Bool></Annotation>",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.AllowEdit\" />",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.LabelId\" String=\"\" />",
        "<Annotation Term=\"Unknown.Vocabulary.Term\"><Record><PropertyValue Property=\"A\" /></Record></Annotation>",
        "<Annotation><If><Path>X</Path></If></Annotation>",
        "<Annotation Term=\"Microsoft.Dynamics.OData.Core.V1.AXType\"><EnumMember><![CDATA[Microsoft.Dynamics.OData.Core.V1.AXType/Int]]></EnumMember></Annotation>",
    ];

    [Theory]
    [MemberData(nameof(OddAnnotations))]
    public void AnyAnnotationContentIsToleratedOnEveryPath(string annotation)
    {
        string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices>"
            + "<Schema Namespace=\"Microsoft.Dynamics.DataEntities\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">"
            + "<EntityType Name=\"CustomerV3\"><Key><PropertyRef Name=\"CustomerAccount\" /></Key>"
            + "<Property Name=\"CustomerAccount\" Type=\"Edm.String\" Nullable=\"false\">" + annotation + "</Property>" + annotation + "</EntityType>"
            + "<EntityContainer Name=\"Resources\"><EntitySet Name=\"CustomersV3\" EntityType=\"Microsoft.Dynamics.DataEntities.CustomerV3\">" + annotation + "</EntitySet></EntityContainer>"
            + "</Schema></edmx:DataServices></edmx:Edmx>";
        var bytes = Encoding.UTF8.GetBytes(xml);

        // Lazily, for a map (the cut-down copy), and whole (metadata import).
        var lazy = Linter.Run([("exports/fo.xml", bytes), ("maps/customers.json", Encoding.UTF8.GetBytes(CustomersMap))]);
        Assert.DoesNotContain(lazy.Diagnostics, d => d.Id is "DIPV2012" or "DIPV1001" or "DIPV1006");
        Assert.NotNull(lazy.Model.Metadata.FindEntity(Apps.FinanceAndOperations, "CustomersV3")?.FindField("CustomerAccount"));

        var bag = new DiagnosticBag("fo.xml", null);
        var export = FinanceOperationsMetadataReader.Read(bytes, bag, []);
        Assert.Empty(bag.Diagnostics);
        Assert.Equal(FieldType.String, Assert.Single(export!.Entities).Fields["CustomerAccount"].Type);
    }

    [Fact]
    public void MandatoryAndReadOnlyFromTheDumpDriveTheRules()
    {
        // A Dataverse → F&O map into CustomersV3: CustomerGroupId is IsRequired and not mapped (DIPV1010), RecordVersion
        // is AllowEdit/AllowEditOnCreate false and mapped (DIPV1011); OrganizationName, Nullable="false" only, is
        // neither; CreditLimit (Nullable="false" Decimal) fed by an optional column is no DIPV1031.
        const string map = """
            { "kind": "tableMap", "name": "Accounts to customers", "source": { "app": "dataverse", "entity": "account" },
              "destination": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "mappings": [
                { "source": "accountnumber", "direction": ">", "destination": "CUSTOMERACCOUNT" },
                { "source": "versionnumber", "direction": ">", "destination": "RECORDVERSION" },
                { "source": "creditlimit", "direction": ">", "destination": "CREDITLIMIT" } ] }
            """;
        const string dataverse = """
            { "kind": "entityMetadata", "app": "dataverse", "entities": { "account": { "keys": [["accountnumber"]], "fields": {
              "accountnumber": { "type": "string", "maxLength": 20 }, "versionnumber": { "type": "int64" }, "creditlimit": { "type": "decimal", "precision": 2 } } } } }
            """;
        var result = Linter.Run([("exports/fo.xml", Dump()), ("meta/dataverse.json", Encoding.UTF8.GetBytes(dataverse)), ("maps/map.json", Encoding.UTF8.GetBytes(map))]);
        var onMap = result.Diagnostics.Where(d => d.Location.Path == "maps/map.json").Select(d => d.Id + " " + d.Message).ToList();
        Assert.Contains(onMap, m => m.StartsWith("DIPV1010", StringComparison.Ordinal) && m.Contains("CustomerGroupId", StringComparison.Ordinal));
        Assert.Contains(onMap, m => m.StartsWith("DIPV1011", StringComparison.Ordinal) && m.Contains("RECORDVERSION", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(onMap, m => m.Contains("OrganizationName", StringComparison.Ordinal));
        Assert.DoesNotContain(onMap, m => m.StartsWith("DIPV1031", StringComparison.Ordinal) && m.Contains("CREDITLIMIT", StringComparison.OrdinalIgnoreCase));
    }
}
