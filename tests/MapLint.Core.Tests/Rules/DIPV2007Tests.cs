using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2007; the rule's page is docs/rules/DIPV2007.md and its broken example examples/broken/DIPV2007/.</summary>
public class DIPV2007Tests
{
    [Fact]
    public void Fires_TaskRunsUnknownMap()
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
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """),
            ("case/project.json", """
            {
              "kind": "project",
              "name": "Contoso project",
              "connectionSet": "Contoso",
              "tasks": [
                { "name": "Customers", "source": "fo", "destination": "dv", "map": {|DIPV2007:"Customer"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2007").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Task 'Customers' runs map 'Customer', which no tableMap in the checked paths defines. Did you mean 'Customers'?", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_TaskRunsUnknownMap_Fixed() =>
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
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """),
            ("case/project.json", """
            {
              "kind": "project",
              "name": "Contoso project",
              "connectionSet": "Contoso",
              "tasks": [
                { "name": "Customers", "source": "fo", "destination": "dv", "map": "Customers" }
              ]
            }
            """));
}
