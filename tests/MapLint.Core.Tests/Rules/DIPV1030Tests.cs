using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1030; the rule's page is docs/rules/DIPV1030.md and its broken example examples/broken/DIPV1030/.</summary>
public class DIPV1030Tests
{
    [Fact]
    public void Fires_StringIntoInteger()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" },
                { "source": "NAMEALIAS", "direction": "=", "destination": {|DIPV1030:"numberofemployees"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1030").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'NAMEALIAS' (string) to 'numberofemployees' (integer): a string value cannot be written into a integer field", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_StringIntoInteger_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" },
                { "source": "EMPLOYEES", "direction": "=", "destination": "numberofemployees" }
              ]
            }
            """));
}
