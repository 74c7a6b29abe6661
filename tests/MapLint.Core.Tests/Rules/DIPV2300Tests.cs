using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2300; the rule's page is docs/rules/DIPV2300.md and its broken example examples/broken/DIPV2300/.</summary>
public class DIPV2300Tests
{
    [Fact]
    public void Fires_PasswordInEnvironmentUrl()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Other",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": {|DIPV2300:"https://svc-dualwrite:NotARealPassword1@contoso.operations.dynamics.com"|} },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ],
              "organizationMappings": [
                { "legalEntity": "USMF", "businessUnit": "USMF" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2300").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'url' holds a password in the URL's user information stored in the file", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_PasswordInEnvironmentUrl_Fixed() =>
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
