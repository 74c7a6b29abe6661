using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1007; the rule's page is docs/rules/DIPV1007.md and its broken example examples/broken/DIPV1007/.</summary>
public class DIPV1007Tests
{
    [Fact]
    public void Fires_TaskEnvironmentNotInConnectionSet()
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
                { "name": "Customers", "source": {|DIPV1007:"fo2"|}, "destination": "dv", "map": "Customers" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1007").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Task 'Customers' uses source environment 'fo2', which connection set 'Contoso' does not define. Did you mean 'fo'?", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_TaskEnvironmentNotInConnectionSet_Fixed() =>
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
