using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2000; the rule's page is docs/rules/DIPV2000.md and its broken example examples/broken/DIPV2000/.</summary>
public class DIPV2000Tests
{
    [Fact]
    public void Fires_TruncatedJson()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "mappings": [
            {|DIPV2000:|}
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2000").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("The JSON ends too early (truncated file?)", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_TruncatedJson_Fixed() =>
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
            """));
}
