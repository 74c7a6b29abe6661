using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>
/// Tests of DIPV2404 (the project's own validationIssues list a DIPV code); page docs/rules/DIPV2404.md. The project
/// document's shape is microsoft/Dual-write-automations DWLibary/Struct/DWFieldMapping.cs; its validationIssues
/// items are List&lt;object&gt; there, so the item below (errorCode, message) is an assumption.
/// </summary>
public class DIPV2404Tests
{
    private static string Project(string issues) => """
        {
          "name": "Contoso reference data",
          "isDualWriteProject": true,
          "environments": [ { "name": "contoso-fo", "connectionSetName": "contoso-dualwrite", "targetType": "AX" } ],
          "entityMappingTasks": [
            { "name": {|DIPV2404:"Currencies (transactioncurrencies)"|}, "order": 1, "connectionSetName": "contoso-dualwrite",
              "legs": [ { "sourceEnvironment": "contoso-fo", "sourceSchema": "Currencies", "sourceEnvironmentType": "AX",
                          "destinationEnvironment": "contoso-dataverse", "destinationSchema": "transactioncurrency", "destinationEnvironmentType": "CRM",
                          "fieldMappings": [ { "syncDirection": 3, "sourceField": "CURRENCYCODE", "destinationField": "isocurrencycode" } ] } ] }
          ],
          "validationIssues": [ ISSUES ]
        }
        """.Replace("ISSUES", issues, StringComparison.Ordinal);

    private static readonly string ConnectionSet = """
        { "name": "contoso-dualwrite", "environments": {
            "contoso-fo": { "name": "contoso-fo", "targetType": "AX", "directUrl": "https://contoso.operations.dynamics.com" },
            "contoso-dataverse": { "name": "contoso-dataverse", "targetType": "CRM", "directUrl": "https://contoso.crm.dynamics.com" } },
          "dataPartitionMappings": [] }
        """;

    [Fact]
    public void Fires_IssueNamingACodeAndAMap()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("service/project.json", Project("""{ "errorCode": "DIPV1014", "message": "Integration key field isocurrencycode is not mapped for Currencies (transactioncurrencies)." }""")),
            ("service/connection-set.json", ConnectionSet));
        var fired = diagnostics.Single();
        Assert.Equal("DIPV1014", fired.Properties["serviceCode"]);
        Assert.StartsWith("The service's own validation of this project reports DIPV1014 for map 'Currencies (transactioncurrencies)': Integration key field isocurrencycode is not mapped", fired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_IssuesWithoutCodes() =>
        RuleVerifier.VerifyWithoutFixture(
            ("service/project.json", Project("""{ "message": "Validation passed." }""").Replace("{|DIPV2404:", string.Empty, StringComparison.Ordinal).Replace("\"|}", "\"", StringComparison.Ordinal)),
            ("service/connection-set.json", ConnectionSet));
}
