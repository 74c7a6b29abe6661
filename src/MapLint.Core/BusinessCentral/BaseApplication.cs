namespace MapLint.BusinessCentral;

/// <summary>
/// What the base application defines and a partner's repository does not hold: the default integration table
/// mappings that "CDS Setup Defaults" and "CRM Setup Defaults" create (so a Dependency Filter naming CURRENCY is
/// known), and the table relations of the base tables' fields those mappings synchronize (so a customer's
/// currency is known to need the CURRENCY mapping).
/// Sources: StefanMaron/MSDyn365BC.Code.History, BaseApp/Source/Base Application/Integration/Dataverse/
/// CDSSetupDefaults.Codeunit.al (commit fe52c90fa518195bb959b90ca4da343fc6d91dea: ResetConfiguration and the
/// Reset…Mapping procedures) and the CRM Setup Defaults codeunit of the same history (ResetConfiguration).
/// </summary>
public static class BaseApplication
{
    /// <summary>Default mapping name → (Business Central table, integration table).</summary>
    public static IReadOnlyDictionary<string, (string Table, string IntegrationTable)> DefaultMappings { get; } =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["SALESPEOPLE"] = ("Salesperson/Purchaser", "CRM Systemuser"),
            ["CUSTOMER"] = ("Customer", "CRM Account"),
            ["VENDOR"] = ("Vendor", "CRM Account"),
            ["CONTACT"] = ("Contact", "CRM Contact"),
            ["CURRENCY"] = ("Currency", "CRM Transactioncurrency"),
            ["PAYMENT TERMS"] = ("Payment Terms", "CRM Account"),
            ["SHIPMENT METHOD"] = ("Shipment Method", "CRM Account"),
            ["SHIPPING AGENT"] = ("Shipping Agent", "CRM Account"),
            ["UNIT OF MEASURE"] = ("Unit of Measure", "CRM Uomschedule"),
            ["UNIT GROUP"] = ("Unit Group", "CRM Uomschedule"),
            ["ITEM UOM"] = ("Item Unit of Measure", "CRM Uom"),
            ["RESOURCE UOM"] = ("Resource Unit of Measure", "CRM Uom"),
            ["ITEM-PRODUCT"] = ("Item", "CRM Product"),
            ["RESOURCE-PRODUCT"] = ("Resource", "CRM Product"),
            ["CUSTPRCGRP-PRICE"] = ("Customer Price Group", "CRM Pricelevel"),
            ["SALESPRC-PRODPRICE"] = ("Sales Price", "CRM Productpricelevel"),
            ["PLHEADER-PRICE"] = ("Price List Header", "CRM Pricelevel"),
            ["PLLINE-PRODPRICE"] = ("Price List Line", "CRM Productpricelevel"),
            ["POSTEDSALESINV-INV"] = ("Sales Invoice Header", "CRM Invoice"),
            ["POSTEDSALESLINE-INV"] = ("Sales Invoice Line", "CRM Invoicedetail"),
            ["OPPORTUNITY"] = ("Opportunity", "CRM Opportunity"),
            ["SALESORDER-ORDER"] = ("Sales Header", "CRM Salesorder"),
        };

    /// <summary>
    /// Table relations of base-table fields that default mappings synchronize: (table, field) → related table.
    /// Only relations to tables with a default mapping matter, and only when a repository maps the field itself.
    /// </summary>
    public static IReadOnlyDictionary<(string Table, string Field), string> Relations { get; } = BuildRelations();

    private static Dictionary<(string, string), string> BuildRelations()
    {
        var relations = new Dictionary<(string, string), string>(TableFieldComparer.Instance);
        foreach (var table in new[] { "Customer", "Vendor" })
        {
            relations[(table, "Currency Code")] = "Currency";
            relations[(table, "Payment Terms Code")] = "Payment Terms";
            relations[(table, "Shipment Method Code")] = "Shipment Method";
            relations[(table, "Shipping Agent Code")] = "Shipping Agent";
            relations[(table, "Primary Contact No.")] = "Contact";
        }

        relations[("Customer", "Salesperson Code")] = "Salesperson/Purchaser";
        relations[("Vendor", "Purchaser Code")] = "Salesperson/Purchaser";
        relations[("Customer", "Customer Price Group")] = "Customer Price Group";
        relations[("Contact", "Salesperson Code")] = "Salesperson/Purchaser";
        relations[("Contact", "Company No.")] = "Contact";
        relations[("Contact", "Currency Code")] = "Currency";
        relations[("Item", "Base Unit of Measure")] = "Unit of Measure";
        relations[("Resource", "Base Unit of Measure")] = "Unit of Measure";
        relations[("Sales Header", "Sell-to Customer No.")] = "Customer";
        relations[("Sales Header", "Currency Code")] = "Currency";
        relations[("Opportunity", "Contact No.")] = "Contact";
        relations[("Opportunity", "Salesperson Code")] = "Salesperson/Purchaser";
        return relations;
    }

    private sealed class TableFieldComparer : IEqualityComparer<(string, string)>
    {
        public static readonly TableFieldComparer Instance = new();

        public bool Equals((string, string) x, (string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            (StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1) * 31) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2);
    }
}
