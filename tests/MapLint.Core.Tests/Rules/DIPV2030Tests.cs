using System.Text;
using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2030 (map definition not valid JSON); page docs/rules/DIPV2030.md.</summary>
public class DIPV2030Tests
{
    [Fact]
    public void Fires_NotJson()
    {
        string export = Export(Record("name: Customers"));
        var diagnostic = Linter.Run([("case/export.json", Encoding.UTF8.GetBytes(export))]).Diagnostics.Single();
        Assert.Equal("DIPV2030", diagnostic.Id);
        Assert.StartsWith("The map definition (msdyn_mapping) of 'Customers' is not valid JSON: ", diagnostic.Message, StringComparison.Ordinal);
        // Where the JSON reader gave up ('name' is read as a misspelt null), inside the record's string.
        int start = export.IndexOf("name: Customers", StringComparison.Ordinal);
        Assert.InRange(diagnostic.Location.Span.Start, start, start + 2);
    }

    [Fact]
    public void Fires_Truncated()
    {
        string definition = Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber"));
        string cut = Escape(definition[..(definition.Length / 2)]);
        string export = Export(Record(cut));
        var diagnostic = Linter.Run([("case/export.json", Encoding.UTF8.GetBytes(export))]).Diagnostics.Single();
        Assert.Equal("DIPV2030", diagnostic.Id);
        // Within the record's msdyn_mapping string, never outside it.
        int start = export.IndexOf(cut, StringComparison.Ordinal);
        Assert.InRange(diagnostic.Location.Span.Start, start, start + cut.Length);
    }

    [Fact]
    public void Silent_ValidJson() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", ExportOf(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))));
}
