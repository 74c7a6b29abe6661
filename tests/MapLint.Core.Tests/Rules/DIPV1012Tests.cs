using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1012; the rule's page is docs/rules/DIPV1012.md and its broken example examples/broken/DIPV1012/.</summary>
public class DIPV1012Tests
{
    [Fact]
    public void Fires_DataverseFilterUnknownColumn()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account", "filter": "{|DIPV1012:statuscode|} eq 0" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1012").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Dataverse filter: column 'statuscode' does not exist in table 'account'. Did you mean 'statecode'?", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_DataverseFilterUnknownColumn_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account", "filter": "statecode eq 0 and contains(name,'Contoso')" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
