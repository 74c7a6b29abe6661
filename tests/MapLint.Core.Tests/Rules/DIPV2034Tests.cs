using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2034 (leg without field mappings); page docs/rules/DIPV2034.md.</summary>
public class DIPV2034Tests
{
    [Fact]
    public void Fires_EmptyFieldMappings()
    {
        var definition = Definition("").Replace("\"fieldMappings\":[]", "\"fieldMappings\":{|DIPV2034:[]|}", StringComparison.Ordinal);
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(definition)));
        Assert.Equal("Leg 1 of 'Customers' (CustomersV3 to account) has no field mappings, so it synchronizes nothing; map at least the integration key fields or remove the leg.", diagnostics.Single().Message);
    }

    [Fact]
    public void Silent_LegWithMappings() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))));
}
