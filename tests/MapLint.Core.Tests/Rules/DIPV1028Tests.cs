using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1028; the rule's page is docs/rules/DIPV1028.md and its broken example examples/broken/DIPV1028/.</summary>
public class DIPV1028Tests
{
    [Fact]
    public void Fires_SourceLookupWithoutKey()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Accounts to customers",
              "source": { "app": "dataverse", "entity": "account" },
              "destination": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "mappings": [
                { "source": "accountnumber", "direction": "=", "destination": "CUSTOMERACCOUNT" },
                { "source": "name", "direction": "=", "destination": "ORGANIZATIONNAME" },
                { "source": {|DIPV1028:"msdyn_customergroupid.msdyn_code"|}, "direction": "=", "destination": "CUSTOMERGROUPID" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1028").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'msdyn_code' is not in the integration key of 'msdyn_customergroup', so lookup 'msdyn_customergroupid' cannot be resolved through it", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_SourceLookupWithoutKey_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Accounts to customers",
              "source": { "app": "dataverse", "entity": "account" },
              "destination": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "mappings": [
                { "source": "accountnumber", "direction": "=", "destination": "CUSTOMERACCOUNT" },
                { "source": "name", "direction": "=", "destination": "ORGANIZATIONNAME" },
                { "source": "msdyn_customergroupid.msdyn_groupid", "direction": "=", "destination": "CUSTOMERGROUPID" }
              ]
            }
            """));
}
