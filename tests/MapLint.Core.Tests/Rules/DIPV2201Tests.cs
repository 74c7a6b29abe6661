using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2201; the rule's page is docs/rules/DIPV2201.md and its broken example examples/broken/DIPV2201/.</summary>
public class DIPV2201Tests
{
    [Fact]
    public void Fires_TwoMapsLookEachOtherUp()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/customers.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" },
                { "source": "PRIMARYCONTACTPERSONID", "direction": "=", "destination": {|DIPV2201:"primarycontactid.msdyn_contactpersonid"|} }
              ]
            }
            """),
            ("case/contacts.json", """
            {
              "kind": "tableMap",
              "name": "Contacts",
              "source": { "app": "financeAndOperations", "entity": "ContactPersons" },
              "destination": { "app": "dataverse", "entity": "contact" },
              "mappings": [
                { "source": "CONTACTPERSONID", "direction": "=", "destination": "msdyn_contactpersonid" },
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "parentcustomerid.accountnumber" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2201").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Maps look each other up in a cycle: 'Customers'.primarycontactid.msdyn_contactpersonid \u2192 'Contacts', 'Contacts'.parentcustomerid.accountnumber \u2192 'Customers'. No initial-sync order exists; defer 'primarycontactid.msdyn_contactpersonid' of 'Customers' to a second pass", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_TwoMapsLookEachOtherUp_Fixed() =>
        RuleVerifier.Verify(
            ("case/customers.json", """
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
            """),
            ("case/contacts.json", """
            {
              "kind": "tableMap",
              "name": "Contacts",
              "source": { "app": "financeAndOperations", "entity": "ContactPersons" },
              "destination": { "app": "dataverse", "entity": "contact" },
              "mappings": [
                { "source": "CONTACTPERSONID", "direction": "=", "destination": "msdyn_contactpersonid" },
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "parentcustomerid.accountnumber" }
              ]
            }
            """));
}
