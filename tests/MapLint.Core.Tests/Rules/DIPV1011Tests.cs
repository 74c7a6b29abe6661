using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1011; the rule's page is docs/rules/DIPV1011.md and its broken example examples/broken/DIPV1011/.</summary>
public class DIPV1011Tests
{
    [Fact]
    public void Fires_ReadOnlyFieldWritten()
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
                { "source": "LASTCONTACT", "direction": ">", "destination": {|DIPV1011:"createdon"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1011").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Field 'createdon' of 'account' is read-only, but mapping 'LASTCONTACT > createdon' writes into it; make the mapping one way out of it ('<')", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_ReadOnlyFieldWritten_Fixed() =>
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
                { "source": "LASTCONTACT", "direction": "<", "destination": "createdon" }
              ]
            }
            """));
}
