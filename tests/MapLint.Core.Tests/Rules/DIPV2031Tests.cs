using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2031 (empty map definition); page docs/rules/DIPV2031.md.</summary>
public class DIPV2031Tests
{
    [Fact]
    public void Fires_EmptyString()
    {
        var export = Export(Record("")).Replace("\"msdyn_mapping\":\"\"", "\"msdyn_mapping\":{|DIPV2031:\"\"|}", StringComparison.Ordinal);
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", export));
        Assert.StartsWith("Record 'Customers' has no map definition (msdyn_mapping is empty)", diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_Null()
    {
        var export = Export(Record("")).Replace("\"msdyn_mapping\":\"\"", "\"msdyn_mapping\":{|DIPV2031:null|}", StringComparison.Ordinal);
        Assert.Contains("(msdyn_mapping is null)", RuleVerifier.VerifyWithoutFixture(("case/export.json", export)).Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_DefinitionPresent() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))));
}
