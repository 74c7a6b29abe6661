using System.Text;
using MapLint.Diagnostics;
using MapLint.Metadata;
using MapLint.Syntax;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Metadata;

/// <summary>
/// What a Dataverse EntityDefinitions export means (Fixtures/dataverse-keys-owner-required.json, in the shape of
/// the Web API's EntityDefinitions?$expand=Attributes,Keys response: EntityKeyMetadata.EntityKeyIndexStatus with
/// its values Pending/InProgress/Active/Failed, LookupAttributeMetadata.Targets, AttributeRequiredLevel as
/// learn.microsoft.com/power-apps/developer/data-platform/webapi/reference documents them): keys whose index is not
/// active are not integration keys, an owner keeps all its targets, and the required-level policy of the rule pages.
/// </summary>
public class DataverseExportSemanticsTests
{
    private static byte[] Export() => File.ReadAllBytes(Path.Combine(CatalogTests.Root, "tests", "MapLint.Core.Tests", "Metadata", "Fixtures", "dataverse-keys-owner-required.json"));

    private static MetadataExport Read()
    {
        var bag = new DiagnosticBag("dataverse.json", null);
        var root = (JsonObject)JsonParser.Parse(SourceDecoder.Decode(Export(), bag)!, bag)!;
        return DataverseMetadataReader.Read(root, bag);
    }

    [Fact]
    public void KeysWhoseIndexIsNotActiveAreNotIntegrationKeys()
    {
        var account = Read().Entities.Single(e => e.Name == "account");
        Assert.Equal([["accountnumber"]], account.Keys);

        // Before: the Failed key, listed first, was the integration key, and mapping accountnumber gave DIPV1014 on msdyn_legacyid.
        const string map = """
            { "kind": "tableMap", "name": "Customers", "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [ { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" }, { "source": "NAME", "direction": "=", "destination": "name" } ] }
            """;
        var result = Linter.Run([("exports/dataverse.json", Export()), ("maps/customers.json", Encoding.UTF8.GetBytes(map))]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "DIPV1014" or "DIPV1003");
    }

    [Fact]
    public void AnOwnerKeepsAllItsTargets()
    {
        var owner = Read().Entities.Single(e => e.Name == "account").Fields["ownerid"];
        Assert.Equal("systemuser", owner.Target);
        Assert.Equal(["systemuser", "team"], owner.Targets);
        var written = EntityMetadataWriter.Write(Read(), schemaPath: null);
        Assert.Contains("\"targets\": [\"systemuser\", \"team\"]", written, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemRequiredIsRequiredUnlessDataverseFillsIt()
    {
        var currency = Read().Entities.Single(e => e.Name == "transactioncurrency").Fields;
        Assert.True(currency["isocurrencycode"].Required);     // SystemRequired and writable: before, not required
        Assert.True(currency["currencyname"].Required);
        Assert.True(currency["exchangerate"].Required);
        Assert.False(currency["transactioncurrencyid"].Required); // primary id
        Assert.False(currency["statuscode"].Required);
        Assert.False(currency["currencysymbol"].Required);       // Recommended
        var account = Read().Entities.Single(e => e.Name == "account").Fields;
        Assert.True(account["name"].Required);                    // ApplicationRequired
        Assert.False(account["accountid"].Required);
        Assert.False(account["ownerid"].Required);                // owner: Dataverse sets the caller
        Assert.False(account["statecode"].Required);              // not valid for create
    }
}

/// <summary>
/// The column-level cast response the Web API documents for a choice's options
/// (<c>EntityDefinitions(LogicalName='account')/Attributes(LogicalName='msdyn_partytype')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet</c>,
/// learn.microsoft.com/power-apps/developer/data-platform/webapi/retrieve-metadata-name-metadataid; Fixtures/dataverse-picklist-cast.json):
/// its options join the column of the table's own export, which lists the column without them.
/// </summary>
public class DataverseCastResponseTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(CatalogTests.Root, "tests", "MapLint.Core.Tests", "Metadata", "Fixtures", name));

    // EntityDefinitions(LogicalName='account')?$expand=Attributes,Keys: a Picklist attribute comes without its OptionSet.
    private const string AccountExport = """
        { "@odata.context": "https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#EntityDefinitions(Attributes(),Keys())/$entity",
          "LogicalName": "account", "PrimaryIdAttribute": "accountid", "TableType": "Standard",
          "Attributes": [
            { "@odata.type": "#Microsoft.Dynamics.CRM.StringAttributeMetadata", "LogicalName": "accountnumber", "AttributeType": "String", "AttributeOf": null, "RequiredLevel": { "Value": "None" }, "MaxLength": 20, "IsValidForCreate": true, "IsValidForUpdate": true },
            { "@odata.type": "#Microsoft.Dynamics.CRM.PicklistAttributeMetadata", "LogicalName": "msdyn_partytype", "AttributeType": "Picklist", "AttributeOf": null, "RequiredLevel": { "Value": "None" }, "IsValidForCreate": true, "IsValidForUpdate": true } ],
          "Keys": [ { "LogicalName": "msdyn_accountnumberkey", "KeyAttributes": ["accountnumber"], "EntityKeyIndexStatus": "Active" } ] }
        """;

    [Theory]
    [InlineData("exports/a-account.json", "exports/b-partytype.json")]
    [InlineData("exports/b-account.json", "exports/a-partytype.json")]
    public void OptionsJoinTheirColumnInEitherOrder(string accountPath, string castPath)
    {
        // Before: the cast response became a table named 'msdyn_partytype', and the column had no values.
        var result = Linter.Run([(accountPath, Encoding.UTF8.GetBytes(AccountExport)), (castPath, Fixture("dataverse-picklist-cast.json"))]);
        Assert.Equal(["account"], result.Model.Metadata.EntityNames(Model.Apps.Dataverse));
        var account = result.Model.Metadata.FindEntity(Model.Apps.Dataverse, "account")!;
        Assert.Equal(["192350000", "192350001", "192350002"], account.FindField("msdyn_partytype")!.Values);
        Assert.Equal([["accountnumber"]], account.Keys);
    }

    [Fact]
    public void TheCastResponseAloneIsReadAsTheColumnOfItsTable()
    {
        var bag = new DiagnosticBag("cast.json", null);
        var root = (JsonObject)JsonParser.Parse(SourceDecoder.Decode(Fixture("dataverse-picklist-cast.json"), bag)!, bag)!;
        var entity = Assert.Single(DataverseMetadataReader.Read(root, bag).Entities);
        Assert.Equal("account", entity.Name);
        Assert.Equal(["msdyn_partytype"], entity.Fields.Keys);
    }
}
