using static MapLint.Tests.Readers.ServiceShapes;
using static MapLint.Tests.Readers.SolutionZips;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2040 (encrypted zip entry); page docs/rules/DIPV2040.md.</summary>
public class DIPV2040Tests
{
    [Fact]
    public void Fires_EncryptedCustomizations()
    {
        var zip = MarkEncrypted(Solution(Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))))));
        var diagnostic = Linter.Run([("solution.zip", zip)]).Diagnostics.Single();
        Assert.Equal("DIPV2040", diagnostic.Id);
        Assert.Contains("'customizations.xml' is encrypted", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_PlainZip() =>
        Assert.Empty(Linter.Run([("solution.zip", Solution(Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))))))]).Diagnostics);
}
