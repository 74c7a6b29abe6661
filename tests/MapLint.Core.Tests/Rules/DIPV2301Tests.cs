using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2301; the rule's page is docs/rules/DIPV2301.md and its broken example examples/broken/DIPV2301/.</summary>
public class DIPV2301Tests
{
    [Fact]
    public void Fires_FortyOneLegalEntities()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Contoso",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ],
              "organizationMappings": [
                { "legalEntity": "LE001", "businessUnit": "BU001" },
                { "legalEntity": "LE002", "businessUnit": "BU002" },
                { "legalEntity": "LE003", "businessUnit": "BU003" },
                { "legalEntity": "LE004", "businessUnit": "BU004" },
                { "legalEntity": "LE005", "businessUnit": "BU005" },
                { "legalEntity": "LE006", "businessUnit": "BU006" },
                { "legalEntity": "LE007", "businessUnit": "BU007" },
                { "legalEntity": "LE008", "businessUnit": "BU008" },
                { "legalEntity": "LE009", "businessUnit": "BU009" },
                { "legalEntity": "LE010", "businessUnit": "BU010" },
                { "legalEntity": "LE011", "businessUnit": "BU011" },
                { "legalEntity": "LE012", "businessUnit": "BU012" },
                { "legalEntity": "LE013", "businessUnit": "BU013" },
                { "legalEntity": "LE014", "businessUnit": "BU014" },
                { "legalEntity": "LE015", "businessUnit": "BU015" },
                { "legalEntity": "LE016", "businessUnit": "BU016" },
                { "legalEntity": "LE017", "businessUnit": "BU017" },
                { "legalEntity": "LE018", "businessUnit": "BU018" },
                { "legalEntity": "LE019", "businessUnit": "BU019" },
                { "legalEntity": "LE020", "businessUnit": "BU020" },
                { "legalEntity": "LE021", "businessUnit": "BU021" },
                { "legalEntity": "LE022", "businessUnit": "BU022" },
                { "legalEntity": "LE023", "businessUnit": "BU023" },
                { "legalEntity": "LE024", "businessUnit": "BU024" },
                { "legalEntity": "LE025", "businessUnit": "BU025" },
                { "legalEntity": "LE026", "businessUnit": "BU026" },
                { "legalEntity": "LE027", "businessUnit": "BU027" },
                { "legalEntity": "LE028", "businessUnit": "BU028" },
                { "legalEntity": "LE029", "businessUnit": "BU029" },
                { "legalEntity": "LE030", "businessUnit": "BU030" },
                { "legalEntity": "LE031", "businessUnit": "BU031" },
                { "legalEntity": "LE032", "businessUnit": "BU032" },
                { "legalEntity": "LE033", "businessUnit": "BU033" },
                { "legalEntity": "LE034", "businessUnit": "BU034" },
                { "legalEntity": "LE035", "businessUnit": "BU035" },
                { "legalEntity": "LE036", "businessUnit": "BU036" },
                { "legalEntity": "LE037", "businessUnit": "BU037" },
                { "legalEntity": "LE038", "businessUnit": "BU038" },
                { "legalEntity": "LE039", "businessUnit": "BU039" },
                { "legalEntity": "LE040", "businessUnit": "BU040" },
                { "legalEntity": {|DIPV2301:"LE041"|}, "businessUnit": "BU041" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2301").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Connection set 'Contoso' links 41 legal entities, but dual-write's initial sync supports at most 40; 'LE041' is the first over the limit.", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_FortyOneLegalEntities_Fixed() =>
        RuleVerifier.VerifyWithoutFixture(
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Contoso",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ],
              "organizationMappings": [
                { "legalEntity": "LE001", "businessUnit": "BU001" },
                { "legalEntity": "LE002", "businessUnit": "BU002" },
                { "legalEntity": "LE003", "businessUnit": "BU003" },
                { "legalEntity": "LE004", "businessUnit": "BU004" },
                { "legalEntity": "LE005", "businessUnit": "BU005" },
                { "legalEntity": "LE006", "businessUnit": "BU006" },
                { "legalEntity": "LE007", "businessUnit": "BU007" },
                { "legalEntity": "LE008", "businessUnit": "BU008" },
                { "legalEntity": "LE009", "businessUnit": "BU009" },
                { "legalEntity": "LE010", "businessUnit": "BU010" },
                { "legalEntity": "LE011", "businessUnit": "BU011" },
                { "legalEntity": "LE012", "businessUnit": "BU012" },
                { "legalEntity": "LE013", "businessUnit": "BU013" },
                { "legalEntity": "LE014", "businessUnit": "BU014" },
                { "legalEntity": "LE015", "businessUnit": "BU015" },
                { "legalEntity": "LE016", "businessUnit": "BU016" },
                { "legalEntity": "LE017", "businessUnit": "BU017" },
                { "legalEntity": "LE018", "businessUnit": "BU018" },
                { "legalEntity": "LE019", "businessUnit": "BU019" },
                { "legalEntity": "LE020", "businessUnit": "BU020" },
                { "legalEntity": "LE021", "businessUnit": "BU021" },
                { "legalEntity": "LE022", "businessUnit": "BU022" },
                { "legalEntity": "LE023", "businessUnit": "BU023" },
                { "legalEntity": "LE024", "businessUnit": "BU024" },
                { "legalEntity": "LE025", "businessUnit": "BU025" },
                { "legalEntity": "LE026", "businessUnit": "BU026" },
                { "legalEntity": "LE027", "businessUnit": "BU027" },
                { "legalEntity": "LE028", "businessUnit": "BU028" },
                { "legalEntity": "LE029", "businessUnit": "BU029" },
                { "legalEntity": "LE030", "businessUnit": "BU030" },
                { "legalEntity": "LE031", "businessUnit": "BU031" },
                { "legalEntity": "LE032", "businessUnit": "BU032" },
                { "legalEntity": "LE033", "businessUnit": "BU033" },
                { "legalEntity": "LE034", "businessUnit": "BU034" },
                { "legalEntity": "LE035", "businessUnit": "BU035" },
                { "legalEntity": "LE036", "businessUnit": "BU036" },
                { "legalEntity": "LE037", "businessUnit": "BU037" },
                { "legalEntity": "LE038", "businessUnit": "BU038" },
                { "legalEntity": "LE039", "businessUnit": "BU039" },
                { "legalEntity": "LE040", "businessUnit": "BU040" }
              ]
            }
            """));
}
