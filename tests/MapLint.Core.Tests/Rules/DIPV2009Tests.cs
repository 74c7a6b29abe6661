using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2009; the rule's page is docs/rules/DIPV2009.md and its broken example examples/broken/DIPV2009/.</summary>
public class DIPV2009Tests
{
    [Fact]
    public void Fires_UnusedSuppression()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "suppressions": [{ "rule": {|DIPV2009:"DIPV1004"|}, "justification": "Keys are set in finance and operations only." }],
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2009").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("This suppression of DIPV1004 matches no finding here; remove it.", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_UnusedSuppression_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": ">", "destination": "accountnumber", "suppressions": [{ "rule": "DIPV1004", "justification": "Keys are set in finance and operations only." }] },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
