namespace MapLint.Tests.Infrastructure;

/// <summary>
/// A small, clean workspace the rule tests add their case to: metadata for both apps and a connection set.
/// Checked on its own it reports nothing (FixtureTests), so every diagnostic in a test comes from the case.
/// </summary>
public static class Fixture
{
    public const string FinanceAndOperationsMetadata = """
        {
          "kind": "entityMetadata",
          "app": "financeAndOperations",
          "legalEntities": ["USMF", "DEMF"],
          "entities": {
            "CustomersV3": {
              "companyScope": "company",
              "fields": {
                "dataAreaId": { "type": "string", "maxLength": 4 },
                "CUSTOMERACCOUNT": { "type": "string", "maxLength": 20 },
                "ORGANIZATIONNAME": { "type": "string", "maxLength": 100, "required": true },
                "CUSTOMERGROUPID": { "type": "string", "maxLength": 10, "required": true },
                "CREDITLIMIT": { "type": "money", "precision": 2 },
                "PARTYTYPE": { "type": "enum", "values": ["None", "Person", "Organization"] },
                "ADDRESSDESCRIPTION": { "type": "string", "maxLength": 20, "virtual": true },
                "LASTCONTACT": { "type": "dateTime" },
                "NAMEALIAS": { "type": "string", "maxLength": 20 },
                "EMPLOYEES": { "type": "integer" },
                "CREATEDON": { "type": "dateTime", "readOnly": true },
                "INVOICEACCOUNT": { "type": "string", "maxLength": 20 },
                "PRIMARYCONTACTPERSONID": { "type": "string", "maxLength": 20 },
                "SALESTAXGROUP": { "type": "string", "maxLength": 10 }
              }
            },
            "ContactPersons": {
              "companyScope": "company",
              "fields": {
                "CONTACTPERSONID": { "type": "string", "maxLength": 20, "required": true },
                "CUSTOMERACCOUNT": { "type": "string", "maxLength": 20 }
              }
            },
            "SalesTaxGroups": {
              "fields": { "TAXGROUPID": { "type": "string", "maxLength": 10, "required": true } }
            },
            "CustomerGroups": {
              "companyScope": "company",
              "fields": {
                "CUSTOMERGROUPID": { "type": "string", "maxLength": 10, "required": true },
                "DESCRIPTION": { "type": "string", "maxLength": 60 }
              }
            },
            "SharedCustomers": {
              "companyScope": "company",
              "crossCompanyDataSharing": true,
              "fields": {
                "CUSTOMERACCOUNT": { "type": "string", "maxLength": 20, "required": true }
              }
            },
            "AddressBooks": {
              "companyScope": "global",
              "fields": {
                "NAME": { "type": "string", "maxLength": 20, "required": true },
                "ALIAS": { "type": "string", "maxLength": 20 },
                "CUSTOMERGROUPID": { "type": "string", "maxLength": 10 }
              }
            }
          }
        }
        """;

    public const string DataverseMetadata = """
        {
          "kind": "entityMetadata",
          "app": "dataverse",
          "businessUnits": ["USMF", "DEMF"],
          "entities": {
            "cdm_company": {
              "keys": [["cdm_companycode"]],
              "fields": { "cdm_companycode": { "type": "string", "maxLength": 4, "required": true } }
            },
            "account": {
              "companyScope": "company",
              "keys": [["accountnumber", "msdyn_company"]],
              "fields": {
                "msdyn_company": { "type": "lookup", "target": "cdm_company" },
                "accountnumber": { "type": "string", "maxLength": 20 },
                "name": { "type": "string", "maxLength": 100, "required": true },
                "msdyn_customergroupid": { "type": "lookup", "target": "msdyn_customergroup", "required": true },
                "creditlimit": { "type": "money", "precision": 2 },
                "msdyn_partytype": { "type": "optionSet", "values": [1, 2, 3] },
                "statecode": { "type": "optionSet", "values": [0, 1] },
                "nickname": { "type": "string", "maxLength": 20 },
                "numberofemployees": { "type": "integer" },
                "createdon": { "type": "dateTime", "readOnly": true },
                "msdyn_billingaccount": { "type": "lookup", "target": "account" },
                "primarycontactid": { "type": "lookup", "target": "contact" },
                "msdyn_salestaxgroup": { "type": "lookup", "target": "msdyn_taxgroup" }
              }
            },
            "contact": {
              "companyScope": "company",
              "keys": [["msdyn_contactpersonid", "msdyn_company"]],
              "fields": {
                "msdyn_company": { "type": "lookup", "target": "cdm_company" },
                "msdyn_contactpersonid": { "type": "string", "maxLength": 20, "required": true },
                "parentcustomerid": { "type": "lookup", "target": "account" }
              }
            },
            "msdyn_taxgroup": {
              "keys": [["msdyn_taxgroup"]],
              "fields": { "msdyn_taxgroup": { "type": "string", "maxLength": 10, "required": true } }
            },
            "msdyn_customergroup": {
              "companyScope": "company",
              "keys": [["msdyn_groupid", "msdyn_company"]],
              "fields": {
                "msdyn_company": { "type": "lookup", "target": "cdm_company" },
                "msdyn_groupid": { "type": "string", "maxLength": 10, "required": true },
                "msdyn_description": { "type": "string", "maxLength": 60 },
                "msdyn_code": { "type": "string", "maxLength": 10 }
              }
            },
            "msdyn_addressbook": {
              "keys": [["msdyn_name"]],
              "fields": {
                "msdyn_name": { "type": "string", "maxLength": 20, "required": true },
                "msdyn_customergroupid": { "type": "lookup", "target": "msdyn_customergroup" }
              }
            },
            "msdyn_nokeybook": {
              "fields": { "msdyn_name": { "type": "string", "maxLength": 20, "required": true } }
            },
            "msdyn_virtualbook": {
              "tableType": "virtual",
              "keys": [["msdyn_name"]],
              "fields": { "msdyn_name": { "type": "string", "maxLength": 20, "required": true } }
            }
          }
        }
        """;

    public const string ConnectionSet = """
        {
          "kind": "connectionSet",
          "name": "Contoso",
          "environments": [
            { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
            { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
          ],
          "connections": [
            { "name": "fo-connection", "app": "financeAndOperations", "environment": "fo" },
            { "name": "dv-connection", "app": "dataverse", "environment": "dv" }
          ],
          "organizationMappings": [ { "legalEntity": "USMF", "businessUnit": "USMF" } ]
        }
        """;

    /// <summary>A clean Customers V3 map; cases start from it and change one thing.</summary>
    public const string CustomersMap = """
        {
          "kind": "tableMap",
          "name": "Customers",
          "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
          "destination": { "app": "dataverse", "entity": "account" },
          "mappings": [
            { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
            { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
            { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
          ]
        }
        """;

    /// <summary>The Customers map with its key field mapped one way: one DIPV1004, nothing else.</summary>
    public static readonly string OneWayKeyMap = CustomersMap.Replace(
        "{ \"source\": \"CUSTOMERACCOUNT\", \"direction\": \"=\"", "{ \"source\": \"CUSTOMERACCOUNT\", \"direction\": \">\"", StringComparison.Ordinal);

    /// <summary>Synchronizes the table the Customers map looks up, so the fixture has no uncoupled lookup (DIPV2202).</summary>
    public const string CustomerGroupsMap = """
        {
          "kind": "tableMap",
          "name": "Customer groups",
          "source": { "app": "financeAndOperations", "entity": "CustomerGroups" },
          "destination": { "app": "dataverse", "entity": "msdyn_customergroup" },
          "mappings": [
            { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_groupid" },
            { "source": "DESCRIPTION", "direction": "=", "destination": "msdyn_description" }
          ]
        }
        """;

    public static IReadOnlyList<(string Path, string Text)> Documents { get; } =
    [
        ("fixture/fo-metadata.json", FinanceAndOperationsMetadata),
        ("fixture/dataverse-metadata.json", DataverseMetadata),
        ("fixture/connection-set.json", ConnectionSet),
        ("fixture/customer-groups-map.json", CustomerGroupsMap),
    ];
}
