using System.Text;
using MapLint.Planning;
using MapLint.Reporting;
using MapLint.Semantics;

namespace MapLint.Tests.Planning;

/// <summary>
/// The lookup model (multi-part keys one row per part, multi-level paths, polymorphic targets), its resolution
/// without metadata (the column's name, the map's own table) and with it, and what the plan says about each.
/// Shapes from Microsoft's published templates (Corpus/published-templates, SOURCES.md): product categories,
/// sales invoice lines, sales order headers.
/// </summary>
public class LookupModelTests
{
    private static (string, byte[]) Doc(string path, string json) => (path, Encoding.UTF8.GetBytes(json));

    private static string Map(string name, string fo, string table, params string[] mappings) => $$"""
        { "kind": "tableMap", "name": "{{name}}", "source": { "app": "financeAndOperations", "entity": "{{fo}}" },
          "destination": { "app": "dataverse", "entity": "{{table}}" },
          "mappings": [ {{string.Join(",\n", mappings)}} ] }
        """;

    private static string M(string source, string destination, string direction = "=") =>
        $"{{ \"source\": \"{source}\", \"direction\": \"{direction}\", \"destination\": \"{destination}\" }}";

    [Theory]
    [InlineData("invoiceid.msdyn_invoicenumber", "invoiceid", null, "msdyn_invoicenumber", false)]
    [InlineData("msdyn_productcategory.msdyn_hierarchy.msdyn_name", "msdyn_productcategory", null, "msdyn_hierarchy", true)]
    [InlineData("customerid.Account(accountnumber).Contact(msdyn_contactpersonid)", "customerid", "account", "accountnumber", false)]
    public void PathsAreParsed(string text, string column, string? firstTable, string keyColumn, bool multiLevel)
    {
        var path = LookupPath.Parse(text)!;
        Assert.Equal(column, path.Column);
        Assert.Equal(firstTable, path.Parts[0].Table);
        Assert.Equal(keyColumn, path.Parts[0].KeyColumn);
        Assert.Equal(multiLevel, path.Parts[0].IsMultiLevel);
        Assert.Equal(firstTable is not null, path.IsPolymorphic);
        if (path.IsPolymorphic)
        {
            Assert.Equal(("contact", "msdyn_contactpersonid"), (path.Parts[1].Table, path.Parts[1].KeyColumn));
        }
    }

    [Fact]
    public void OneRowPerKeyPartIsNoDuplicateWrite()
    {
        // Before: DIPV1026 "Destination field 'invoiceid' is written by mappings 1 and 2" on Microsoft's Sales invoice lines.
        var result = Linter.Run([Doc("maps/lines.json", Map("Sales invoice lines", "SalesInvoiceLinesV2", "invoicedetail",
            M("INVOICENUMBER", "invoiceid.msdyn_invoicenumber", ">>"), M("INVOICEDATE", "invoiceid.msdyn_invoicedate", ">>"),
            M("LEDGERVOUCHER", "invoiceid.msdyn_ledgervoucher", ">>"), M("PRODUCTCATEGORY", "msdyn_salesproductcategory.msdyn_name", ">>"),
            M("PRODUCTCATEGORYHIERARCHY", "msdyn_salesproductcategory.msdyn_hierarchy.msdyn_name", ">>")))]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "DIPV1026" or "DIPV1023" or "DIPV2107");

        // The same key part twice, or a plain write beside a lookup write of the column, still collide.
        var twice = Linter.Run([Doc("maps/lines.json", Map("Sales invoice lines", "SalesInvoiceLinesV2", "invoicedetail",
            M("INVOICENUMBER", "invoiceid.msdyn_invoicenumber", ">>"), M("INVOICEID", "invoiceid", ">"), M("OTHER", "invoiceid.msdyn_invoicenumber", ">")))]);
        Assert.Equal(2, twice.Diagnostics.Count(d => d.Id == "DIPV1026"));
    }

    private static readonly string Categories = Map("Product categories", "EcoResProductCategoryEntity", "msdyn_productcategory",
        M("NAME", "msdyn_name"), M("HIERARCHYNAME", "msdyn_hierarchy.msdyn_name"),
        M("PARENTNAME", "msdyn_parentproductcategory.msdyn_name"), M("PARENTHIERARCHY", "msdyn_parentproductcategory.msdyn_hierarchy.msdyn_name"));

    private static readonly string Hierarchies = Map("Product category hierarchies", "EcoResProductCategoryHierarchyEntity", "msdyn_productcategoryhierarchy", M("NAME", "msdyn_name"));

    private static readonly string Vendors = Map("Vendor groups", "VendorGroups", "msdyn_vendorgroup", M("NAME", "msdyn_name"), M("GROUP", "msdyn_vendorgroupid"));

    [Fact]
    public void ASelfReferenceIsFoundByNameWhateverElseMapsTheKeyColumn()
    {
        // Before: msdyn_name is mapped by three tables here, so the key-column guess found no target and the
        // self-reference of msdyn_parentproductcategory was missed; it depended on which maps were in the folder.
        var result = Linter.Run([Doc("maps/categories.json", Categories), Doc("maps/hierarchies.json", Hierarchies), Doc("maps/vendors.json", Vendors)]);
        var self = result.Model.SyncGraph.SelfReferences.Select(s => s.Lookup.Text).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["msdyn_parentproductcategory.msdyn_hierarchy.msdyn_name", "msdyn_parentproductcategory.msdyn_name"], self);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "DIPV2200"));

        // msdyn_hierarchy is not named after msdyn_productcategoryhierarchy and msdyn_name is mapped by three
        // tables: unresolved, and said so rather than guessed.
        Assert.Equal(["msdyn_hierarchy.msdyn_name"], result.Model.SyncGraph.UnresolvedLookups.Select(u => u.Lookup.Text));
    }

    [Fact]
    public void MetadataWithoutTheColumnKeepsTheSelfReference()
    {
        // Before: metadata for the table, lacking the lookup column, made the self-reference disappear.
        const string metadata = """
            { "kind": "entityMetadata", "app": "dataverse", "entities": { "msdyn_productcategory": { "keys": [["msdyn_name", "msdyn_hierarchy"]],
              "fields": { "msdyn_name": { "type": "string" }, "msdyn_hierarchy": { "type": "lookup", "target": "msdyn_productcategoryhierarchy" } } } } }
            """;
        var graph = Linter.Run([Doc("maps/categories.json", Categories), Doc("maps/hierarchies.json", Hierarchies), Doc("meta/dv.json", metadata)], new LintOptions { Analyzers = [] }).Model.SyncGraph;
        Assert.Equal(2, graph.SelfReferences.Count);
    }

    [Fact]
    public void TargetsComeFromMetadataFirstAndPolymorphicPathsNameTheirs()
    {
        const string orders = """
            { "kind": "tableMap", "name": "Sales orders", "source": { "app": "financeAndOperations", "entity": "SalesOrderHeadersV2" },
              "destination": { "app": "dataverse", "entity": "salesorder" },
              "mappings": [ { "source": "SALESORDERNUMBER", "direction": "=", "destination": "msdyn_salesordernumber" },
                { "source": "ORDERINGCUSTOMERACCOUNTNUMBER", "direction": "=", "destination": "customerid.Account(accountnumber).Contact(msdyn_contactpersonid)" },
                { "source": "OWNER", "direction": "=", "destination": "ownerid.domainname" } ] }
            """;
        string accounts = Map("Customers V3 (accounts)", "CustomersV3", "account", M("CUSTOMERACCOUNT", "accountnumber"));
        string contacts = Map("CDS Contacts V2 (contacts)", "CDSContactsV2", "contact", M("CONTACTPERSONID", "msdyn_contactpersonid"));
        string users = Map("Users", "SystemUsers", "systemuser", M("USERID", "domainname"));
        string teams = Map("Teams", "Teams", "team", M("NAME", "name"));
        const string metadata = """
            { "kind": "entityMetadata", "app": "dataverse", "entities": { "salesorder": { "keys": [["msdyn_salesordernumber"]],
              "fields": { "msdyn_salesordernumber": { "type": "string" }, "customerid": { "type": "lookup", "target": "account", "targets": ["account", "contact"] },
                          "ownerid": { "type": "lookup", "target": "systemuser", "targets": ["systemuser", "team"] } } } } }
            """;
        var graph = Linter.Run([Doc("maps/orders.json", orders), Doc("maps/accounts.json", accounts), Doc("maps/contacts.json", contacts),
            Doc("maps/users.json", users), Doc("maps/teams.json", teams), Doc("meta/dv.json", metadata)], new LintOptions { Analyzers = [] }).Model.SyncGraph;
        var after = graph.Dependencies.Where(d => d.Map.Name == "Sales orders").Select(d => d.DependsOn.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["CDS Contacts V2 (contacts)", "Customers V3 (accounts)", "Teams", "Users"], after);
    }

    [Fact]
    public void ThePlanSaysWhatStaysUnresolvedAndWhichMetadataWouldResolveIt()
    {
        // Before: 76 of the templates' lookups had no target and the plan said nothing about them.
        string taxes = Map("Vendors V2", "VendorsV2", "msdyn_vendor", M("VENDORACCOUNTNUMBER", "msdyn_vendoraccountnumber"), M("TAXGROUP", "msdyn_taxgroup.msdyn_groupcode"));
        var result = Linter.Run([Doc("maps/vendors.json", taxes), Doc("maps/groups.json", Vendors)], new LintOptions { Analyzers = [] });
        var unresolved = Assert.Single(result.Model.SyncGraph.UnresolvedLookups);
        Assert.Equal("msdyn_taxgroup.msdyn_groupcode", unresolved.Lookup.Text);
        var text = new StringWriter();
        PlanTextWriter.Write(SyncPlan.Create(result.Model.SyncGraph), text);
        Assert.Contains("Vendors V2: msdyn_taxgroup.msdyn_groupcode (needs metadata of 'msdyn_vendor' with lookup column 'msdyn_taxgroup' and its target)", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"metadataNeeded\"", PlanJsonWriter.Write(SyncPlan.Create(result.Model.SyncGraph)), StringComparison.Ordinal);
    }

    [Fact]
    public void ALookupIsDeferredWholeWhenSeveralMapsWriteItsTable()
    {
        // Vendors look up contacts, which two maps write; both contact maps look up vendors: a cycle. Before, the
        // JSON plan marked the lookup deferred toward one contact map and not deferred toward the other.
        string vendors = Map("Vendors V2", "VendorsV2", "msdyn_vendor", M("VENDORACCOUNTNUMBER", "msdyn_vendoraccountnumber"), M("PRIMARYCONTACT", "msdyn_vendorprimarycontactperson.msdyn_contactpersonid"));
        string contactsA = Map("CDS Contacts V2 (contacts)", "CDSContactsV2", "contact", M("CONTACTPERSONID", "msdyn_contactpersonid"), M("VENDOR", "msdyn_vendorcontactid.msdyn_vendoraccountnumber"));
        string contactsB = Map("Customers V3 (contacts)", "CustomersV3", "contact", M("CONTACTPERSONID", "msdyn_contactpersonid"), M("VENDOR", "msdyn_vendorcontactid.msdyn_vendoraccountnumber"));
        var graph = Linter.Run([Doc("maps/vendors.json", vendors), Doc("maps/a.json", contactsA), Doc("maps/b.json", contactsB)], new LintOptions { Analyzers = [] }).Model.SyncGraph;
        var plan = SyncPlan.Create(graph);
        using var json = System.Text.Json.JsonDocument.Parse(PlanJsonWriter.Write(plan));
        var flags = json.RootElement.GetProperty("waves").EnumerateArray().SelectMany(w => w.GetProperty("maps").EnumerateArray())
            .SelectMany(m => m.GetProperty("dependsOn").EnumerateArray().Select(d => (Map: m.GetProperty("name").GetString(), Dependency: d)))
            .GroupBy(p => (p.Map, p.Dependency.GetProperty("lookup").GetString()), p => p.Dependency)
            .Select(g => g.Select(d => d.GetProperty("deferred").GetBoolean()).Distinct().Count());
        Assert.All(flags, count => Assert.Equal(1, count));
    }
}
