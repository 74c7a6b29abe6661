using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1008; the rule's page is docs/rules/DIPV1008.md and its broken example examples/broken/DIPV1008/.</summary>
public class DIPV1008Tests
{
    [Fact]
    public void Fires_LegalEntityNotInMetadata()
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
              "organizationMappings": [
                { "legalEntity": {|DIPV1008:"USXX"|}, "businessUnit": "USMF" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1008").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Legal entity 'USXX' does not exist in finance and operations metadata", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_LegalEntityNotInMetadata_Fixed() =>
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
                { "legalEntity": "DEMF", "businessUnit": "DEMF" }
              ]
            }
            """));
}
