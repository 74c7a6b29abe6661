using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2032 (definition encoded three times); page docs/rules/DIPV2032.md.</summary>
public class DIPV2032Tests
{
    [Fact]
    public void Fires_EncodedThreeTimes()
    {
        string definition = Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber"));
        string twice = "\"" + Escape(definition) + "\"";
        string thrice = Escape("\"" + Escape(twice) + "\"");
        // The third level is the JSON string inside the second: from its opening quote to its closing one.
        int open = thrice.IndexOf("\\\\\\\"", StringComparison.Ordinal);
        int close = thrice.LastIndexOf("\\\\\\\"", StringComparison.Ordinal) + 4;
        string marked = thrice[..open] + "{|DIPV2032:" + thrice[open..close] + "|}" + thrice[close..];
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(Record(marked))));
        Assert.StartsWith("The map definition of 'Customers' is a JSON string inside a JSON string", diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_EncodedTwice() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", DoubleEncodedExportOf(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))));
}
