using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2035 (a service record without the expected shape); page docs/rules/DIPV2035.md.</summary>
public class DIPV2035Tests
{
    [Fact]
    public void Fires_LegWithoutEnvironmentType()
    {
        string definition = Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber"))
            .Replace("\"leftEnvironmentType\":\"AX\",", string.Empty, StringComparison.Ordinal)
            .Replace(",\"sourceEnvironmentType\":\"AX\"", string.Empty, StringComparison.Ordinal)
            .Replace("\"sourceSchema\":\"CustomersV3\"", "\"sourceSchema\":{|DIPV2035:\"CustomersV3\"|}", StringComparison.Ordinal);
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(definition)));
        Assert.Equal("The source of 'Customers' (CustomersV3) has no sourceEnvironmentType; write AX for finance and operations or CRM for Dataverse.", diagnostics.Single().Message);
    }

    [Fact]
    public void Fires_DefinitionWithoutLegs()
    {
        string export = ExportOf("{\"name\":\"Customers\"}");
        var diagnostic = Linter.Run([("case/export.json", System.Text.Encoding.UTF8.GetBytes(export))]).Diagnostics.Single();
        Assert.Equal("DIPV2035", diagnostic.Id);
        Assert.StartsWith("The map definition of 'Customers' has no 'legs' array", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(export.IndexOf("{\\\"name", StringComparison.Ordinal), diagnostic.Location.Span.Start);
    }

    [Fact]
    public void Silent_MapLevelTypesServeLegsWithoutTheirOwn()
    {
        string definition = Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber"))
            .Replace(",\"sourceEnvironmentType\":\"AX\"", string.Empty, StringComparison.Ordinal);
        RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(definition)));
    }
}
