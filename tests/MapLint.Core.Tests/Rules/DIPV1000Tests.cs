using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1000; the rule's page is docs/rules/DIPV1000.md and its broken example examples/broken/DIPV1000/.</summary>
public class DIPV1000Tests
{
    [Fact]
    public void Fires_ConnectionReachesUnknownEnvironment()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Other",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ],
              "connections": [
                { "name": "crm", "app": "dataverse", "environment": {|DIPV1000:"crm"|} }
              ],
              "organizationMappings": [
                { "legalEntity": "USMF", "businessUnit": "USMF" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1000").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Connection 'crm' reaches environment 'crm', which this connection set does not define.", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_ConnectionReachesUnknownEnvironment_Fixed() =>
        RuleVerifier.Verify(
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Other",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ],
              "connections": [
                { "name": "crm", "app": "dataverse", "environment": "dv" }
              ],
              "organizationMappings": [
                { "legalEntity": "USMF", "businessUnit": "USMF" }
              ]
            }
            """));
}
