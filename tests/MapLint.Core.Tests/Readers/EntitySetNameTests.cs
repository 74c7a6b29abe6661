using System.Text;
using System.Text.Json.Nodes;
using MapLint.Model;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Readers;

/// <summary>
/// The service's map records name a Dataverse table by its entity set name (accounts), MapLint's metadata by its
/// logical name (account): the set name resolves through the metadata, or its default plural, never by cutting
/// an "s". Sources:
/// * Set names in the service's own map names and titles: msdyn_name "fus_[accounts - Customers V3]" with
///   rightEntity {"name": "accounts", "singletonName": "account"} in the public tests of an F&amp;O toolbox's
///   dual-write gateway parser (DualWriteResponseParserTests, found by the code search, repository not named by it);
///   the template pages of MicrosoftDocs/dynamics-365-unified-operations-public
///   articles/fin-ops-core/dev-itpro/data-entities/dual-write/includes/ @ 3ec038720a32e6901129a4c6a83035f21832cb53
///   ("Asset management asset types to msdyn_customerassetcategories", "Name affixes to msdyn_nameaffixes",
///   AssetManagementWarranty-msdyn-warranties.md, LegalEntities-Companies.md, Currencies-transactioncurrencies.md,
///   OrganizationHierarchyPublished-msdyn-internalorganizationhierarchies.md, PaymentDaysCds-msdyn-paymentdays.md).
/// * EntityDefinitions items with LogicalName and EntitySetName: RafaelCavazza/Xrm.Crm.WebApi
///   dotnet/Xrm.Crm.WebApi/Metadata/EntityDefinitions.cs; learn.microsoft.com, EntityMetadata.EntitySetName
///   ("for custom entities, you can change the name of the entity set used; by default it is the same as the
///   LogicalCollectionName").
/// * A project's schemas named by set with the logical name beside (name, singletonName): microsoft/Dual-write-automations
///   DWLibary/Struct/DWFieldMapping.cs (struct Schema) @ f14edd6.
/// </summary>
public class EntitySetNameTests
{
    [Theory]
    [InlineData("account", "accounts")]
    [InlineData("contact", "contacts")]
    [InlineData("msdyn_customerassetcategory", "msdyn_customerassetcategories")]
    [InlineData("msdyn_warranty", "msdyn_warranties")]
    [InlineData("msdyn_nameaffix", "msdyn_nameaffixes")]
    [InlineData("cdm_company", "cdm_companies")]
    [InlineData("transactioncurrency", "transactioncurrencies")]
    [InlineData("msdyn_internalorganizationhierarchy", "msdyn_internalorganizationhierarchies")]
    [InlineData("msdyn_paymentday", "msdyn_paymentdays")]
    public void DefaultSetIsTheLogicalNamesEnglishPlural(string logicalName, string entitySet) =>
        Assert.Equal(entitySet, EntitySetNames.Default(logicalName));

    private static string FieldMappings(params string[] pairs) =>
        string.Join(",", pairs.Select(p => p.Split('=')).Select(p => ServiceShapes.FieldMapping(p[0], "3", p[1])));

    private static string Record(int n, string set, string foEntity, params string[] pairs) =>
        ServiceShapes.Record(
            ServiceShapes.Escape(ServiceShapes.Definition(FieldMappings(pairs), source: foEntity, destination: set)),
            name: $"msdyn_[{set} - {foEntity}]",
            display: $"{foEntity} ({set})",
            id: $"00000000-0000-4000-8000-00000000000{n}");

    private static JsonObject Table(string logicalName, string? entitySet, params string[] columns)
    {
        var table = new JsonObject { ["LogicalName"] = logicalName };
        if (entitySet is not null)
        {
            table["EntitySetName"] = entitySet;
        }

        table["TableType"] = "Standard";
        table["Attributes"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject
        {
            ["@odata.type"] = "#Microsoft.Dynamics.CRM.StringAttributeMetadata",
            ["LogicalName"] = c,
            ["AttributeType"] = "String",
            ["MaxLength"] = 100,
            ["RequiredLevel"] = new JsonObject { ["Value"] = "None" },
            ["IsValidForCreate"] = true,
            ["IsValidForUpdate"] = true,
        }).ToArray());
        table["Keys"] = new JsonArray(new JsonObject { ["LogicalName"] = columns[0] + "key", ["KeyAttributes"] = new JsonArray(columns[0]), ["EntityKeyIndexStatus"] = "Active" });
        return table;
    }

    private static string EntityDefinitions(params JsonObject[] tables) =>
        new JsonObject
        {
            ["@odata.context"] = "https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#EntityDefinitions(LogicalName,EntitySetName,TableType,Attributes(),Keys())",
            ["value"] = new JsonArray(tables),
        }.ToJsonString();

    [Fact]
    public void RecordsNamingTablesByEntitySet_FindTheirMetadata_AnIrregularSetTheMetadataDoesNotStateIsReported()
    {
        string export = ServiceShapes.Export(
            // Stated by the metadata (EntitySetName).
            Record(1, "accounts", "CustomersV3", "CUSTOMERACCOUNT=accountnumber", "ORGANIZATIONNAME=name"),
            // Not stated: the default plural of the logical name (category → categories).
            Record(2, "msdyn_customerassetcategories", "AssetManagementAssetTypes", "MAINTENANCEASSETTYPEID=msdyn_maintenanceassettypeid", "NAME=msdyn_name"),
            // Not stated: affix → affixes.
            Record(3, "msdyn_nameaffixes", "NameAffixes", "AFFIX=msdyn_affix", "DESCRIPTION=msdyn_description"),
            // A custom table's renamed set, stated by the metadata; no plural rule would find it.
            Record(4, "contoso_fleet", "ContosoVehicles", "VEHICLEID=contoso_vehicleid", "NAME=contoso_name"),
            // An irregular set the metadata does not state: left unresolved and reported, not guessed.
            Record(5, "contoso_children", "ContosoDependants", "DEPENDANTID=contoso_childid", "NAME=contoso_name"));
        string marked = export.Replace("\\\"contoso_children\\\"", "{|DIPV1020:\\\"contoso_children\\\"|}", StringComparison.Ordinal);
        string metadata = EntityDefinitions(
            Table("account", "accounts", "accountnumber", "name"),
            Table("msdyn_customerassetcategory", null, "msdyn_maintenanceassettypeid", "msdyn_name"),
            Table("msdyn_nameaffix", null, "msdyn_affix", "msdyn_description"),
            Table("contoso_vehicle", "contoso_fleet", "contoso_vehicleid", "contoso_name"),
            Table("contoso_child", null, "contoso_childid", "contoso_name"));

        var reported = RuleVerifier.VerifyWithoutFixture(("exports/page-1.json", marked), ("metadata/entitydefinitions.json", metadata));
        // The export is converted for the tables the maps use, so no table is near enough to suggest: the message says how to state the set.
        Assert.Contains("no entity 'contoso_children'", reported.Single().Message, StringComparison.Ordinal);
        Assert.EndsWith("If 'contoso_children' is a table's entity set name, export the table's metadata with EntitySetName (or write \"entitySetName\" in its entityMetadata).", reported.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AColumnMissingFromATableNamedBySet_IsStillFound()
    {
        // The set resolves to the table, so the table's own rules run on it: a column it lacks is reported.
        string export = ServiceShapes.Export(Record(1, "accounts", "CustomersV3", "CUSTOMERACCOUNT=accountnumber", "ORGANIZATIONNAME=nmae"));
        var reported = Linter.Run([("page-1.json", Encoding.UTF8.GetBytes(export)), ("metadata.json", Encoding.UTF8.GetBytes(EntityDefinitions(Table("account", null, "accountnumber", "name"))))]).Diagnostics;
        Assert.DoesNotContain(reported, d => d.Id == "DIPV1020");
        Assert.Contains(reported, d => d.Message.Contains("'nmae'", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoTablesClaimingOneDefaultSet_NeitherIsGuessed()
    {
        // "msdyn_bus" and "msdyn_buse" both pluralize to "msdyn_buses": the set is ambiguous without EntitySetName.
        string export = ServiceShapes.Export(Record(1, "msdyn_buses", "Buses", "BUSID=msdyn_busid"));
        string marked = export.Replace("\\\"msdyn_buses\\\"", "{|DIPV1020:\\\"msdyn_buses\\\"|}", StringComparison.Ordinal);
        RuleVerifier.VerifyWithoutFixture(("page-1.json", marked), ("metadata.json", EntityDefinitions(Table("msdyn_bus", null, "msdyn_busid"), Table("msdyn_buse", null, "msdyn_busid"))));
    }

    [Fact]
    public void AnEntityMetadataDocument_SuggestsTheTableWhoseDefaultSetIsClosest()
    {
        // MapLint's own metadata is bound whole: a mistyped set name suggests the table whose set it nearly is.
        string export = ServiceShapes.Export(Record(1, "msdyn_nameafixes", "NameAffixes", "AFFIX=msdyn_affix"));
        const string metadata = "{ \"kind\": \"entityMetadata\", \"app\": \"dataverse\", \"entities\": { \"msdyn_nameaffix\": { \"keys\": [[\"msdyn_affix\"]], \"fields\": { \"msdyn_affix\": { \"type\": \"string\" } } } } }";
        var reported = Linter.Run([("page-1.json", Encoding.UTF8.GetBytes(export)), ("metadata.json", Encoding.UTF8.GetBytes(metadata))]).Diagnostics;
        var finding = Assert.Single(reported, d => d.Id == "DIPV1020");
        Assert.EndsWith("no entity 'msdyn_nameafixes', the destination of this map; fix the name or add the entity's metadata. Did you mean 'msdyn_nameaffix'?", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// examples/service/project.json with its Dataverse schemas and tasks named as the service names them (the
    /// schema's name the entity set, singletonName the logical name; the legs' destinationSchema the set): the same
    /// codes and messages as the project written with logical names.
    /// </summary>
    [Fact]
    public void ProjectNamingTablesByEntitySet_GivesTheSameFindingsAsByLogicalName()
    {
        string path = Path.Combine(CatalogTests.Root, "examples", "service", "project.json");
        string original = File.ReadAllText(path);
        var project = JsonNode.Parse(original)!.AsObject();
        var sets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var environment in project["environments"]!.AsArray().Select(e => e!.AsObject()).Where(e => (string?)e["targetType"] == "CRM"))
        {
            foreach (var schema in environment["schemas"]!.AsArray().Select(s => s!.AsObject()))
            {
                string logical = (string)schema["name"]!;
                sets[logical] = EntitySetNames.Default(logical);
                schema["name"] = sets[logical];
                schema["singletonName"] = logical;
            }
        }

        Assert.NotEmpty(sets);
        foreach (var leg in project["entityMappingTasks"]!.AsArray().SelectMany(t => t!["legs"]!.AsArray()).Select(l => l!.AsObject()))
        {
            if ((string?)leg["destinationEnvironmentType"] == "CRM")
            {
                leg["destinationSchema"] = sets[(string)leg["destinationSchema"]!];
            }
        }

        static List<string> Findings(string text) =>
            Linter.Run([("project.json", Encoding.UTF8.GetBytes(text))]).Diagnostics.Select(d => d.Id + " " + d.Message).Order(StringComparer.Ordinal).ToList();

        var expected = Findings(original);
        var actual = Findings(project.ToJsonString());
        Assert.Equal(expected, actual);
        Assert.DoesNotContain(actual, f => f.StartsWith("DIPV1020", StringComparison.Ordinal));
    }
}
