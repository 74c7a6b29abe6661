using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1005; the rule's page is docs/rules/DIPV1005.md and its broken example examples/broken/DIPV1005/.</summary>
public class DIPV1005Tests
{
    [Fact]
    public void Fires_EnvironmentWithoutUrl()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Other",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": {|DIPV1005:"dv"|}, "app": "dataverse" }
              ],
              "organizationMappings": [
                { "legalEntity": "USMF", "businessUnit": "USMF" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1005").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Environment 'dv' has no 'url'", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_EnvironmentWithoutUrl_Fixed() =>
        RuleVerifier.Verify(
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Other",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ],
              "organizationMappings": [
                { "legalEntity": "USMF", "businessUnit": "USMF" }
              ]
            }
            """));
}
