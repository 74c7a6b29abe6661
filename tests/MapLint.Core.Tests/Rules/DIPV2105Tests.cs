using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2105; the rule's page is docs/rules/DIPV2105.md and its broken example examples/broken/DIPV2105/.</summary>
public class DIPV2105Tests
{
    [Fact]
    public void Fires_TenLookups()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": {|DIPV2105:"Wide map"|},
              "source": { "app": "financeAndOperations", "entity": "WideEntity" },
              "destination": { "app": "dataverse", "entity": "msdyn_wide" },
              "mappings": [
                { "source": "F0", "direction": "=", "destination": "lookup0.key" },
                { "source": "F1", "direction": "=", "destination": "lookup1.key" },
                { "source": "F2", "direction": "=", "destination": "lookup2.key" },
                { "source": "F3", "direction": "=", "destination": "lookup3.key" },
                { "source": "F4", "direction": "=", "destination": "lookup4.key" },
                { "source": "F5", "direction": "=", "destination": "lookup5.key" },
                { "source": "F6", "direction": "=", "destination": "lookup6.key" },
                { "source": "F7", "direction": "=", "destination": "lookup7.key" },
                { "source": "F8", "direction": "=", "destination": "lookup8.key" },
                { "source": "F9", "direction": "=", "destination": "lookup9.key" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2105").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Map 'Wide map' has 10 lookups; initial sync from Dataverse does not support maps with 10 or more", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_TenLookups_Fixed() =>
        RuleVerifier.VerifyWithoutFixture(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Wide map",
              "source": { "app": "financeAndOperations", "entity": "WideEntity" },
              "destination": { "app": "dataverse", "entity": "msdyn_wide" },
              "mappings": [
                { "source": "F0", "direction": "=", "destination": "lookup0.key" },
                { "source": "F1", "direction": "=", "destination": "lookup1.key" },
                { "source": "F2", "direction": "=", "destination": "lookup2.key" },
                { "source": "F3", "direction": "=", "destination": "lookup3.key" },
                { "source": "F4", "direction": "=", "destination": "lookup4.key" },
                { "source": "F5", "direction": "=", "destination": "lookup5.key" },
                { "source": "F6", "direction": "=", "destination": "lookup6.key" },
                { "source": "F7", "direction": "=", "destination": "lookup7.key" },
                { "source": "F8", "direction": "=", "destination": "lookup8.key" }
              ]
            }
            """));
}
