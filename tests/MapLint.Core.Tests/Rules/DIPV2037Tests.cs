using System.Text;
using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2037 (Customizations.xml not well-formed); page docs/rules/DIPV2037.md.</summary>
public class DIPV2037Tests
{
    [Fact]
    public void Fires_UnclosedElement()
    {
        string xml = Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))))
            .Replace("</msdyn_dualwriteentitymaps>", "</msdyn_dualwriteentitymap>", StringComparison.Ordinal);
        var diagnostic = Linter.Run([("solution/Other/Customizations.xml", Encoding.UTF8.GetBytes(xml))]).Diagnostics.Single();
        Assert.Equal("DIPV2037", diagnostic.Id);
        Assert.StartsWith("The XML is not well-formed: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(xml.Split('\n').ToList().FindIndex(l => l.Contains("</msdyn_dualwriteentitymap>", StringComparison.Ordinal) && l.StartsWith("  </", StringComparison.Ordinal)) + 1, diagnostic.Location.LineSpan.Start.Line);
    }

    [Fact]
    public void Silent_WellFormed() =>
        RuleVerifier.VerifyWithoutFixture(("solution/Other/Customizations.xml", Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))))));
}
