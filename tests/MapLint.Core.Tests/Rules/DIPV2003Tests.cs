using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2003; the rule's page is docs/rules/DIPV2003.md and its broken example examples/broken/DIPV2003/.</summary>
public class DIPV2003Tests
{
    [Fact]
    public void Fires_MisspelledKind()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": {|DIPV2003:"tablemap"|},
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2003").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'tablemap' is not a MapLint document kind; use one of 'tableMap', 'connectionSet', 'project', 'entityMetadata'. Did you mean 'tableMap'?", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_MisspelledKind_Fixed() =>
        RuleVerifier.Verify(
            ("case/other.json", """
            { "kind": "Deployment", "name": "not a MapLint document" }
            """));
}
