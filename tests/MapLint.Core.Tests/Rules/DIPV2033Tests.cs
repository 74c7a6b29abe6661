using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2033 (unknown syncDirection); page docs/rules/DIPV2033.md. Shapes: Readers/ServiceShapes.cs.</summary>
public class DIPV2033Tests
{
    [Fact]
    public void Fires_UnknownSyncDirection()
    {
        var definition = Definition(FieldMapping("CUSTOMERACCOUNT", "\"3\"", "accountnumber") + "," + FieldMapping("NAME", "{|DIPV2033:\"9\"|}", "name"));
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(definition)));
        Assert.Equal("syncDirection '9' is not a direction the service knows; use 1 (source to destination), 2 (destination to source) or 3 (both ways). The field mapping is not checked.", diagnostics.Single().Message);
    }

    [Fact]
    public void Fires_DirectionOfAnotherType() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(Definition(FieldMapping("CUSTOMERACCOUNT", "{|DIPV2033:true|}", "accountnumber")))));

    [Fact]
    public void Silent_NumbersNumericStringsAndNames() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(Definition(
            FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber") + "," + FieldMapping("NAME", "\"1\"", "name") + "," + FieldMapping("CREDITLIMIT", "\"CEOnly\"", "creditlimit")))));
}
