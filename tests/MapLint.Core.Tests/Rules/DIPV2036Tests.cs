using System.Text;
using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2036 (XML with a DTD or entities: never processed); page docs/rules/DIPV2036.md.</summary>
public class DIPV2036Tests
{
    [Fact]
    public void Fires_BillionLaughs()
    {
        var xml = """
            <?xml version="1.0"?>
            {|DIPV2036:<!DOCTYPE|} lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <ImportExportXml><msdyn_dualwriteentitymaps><msdyn_dualwriteentitymap><msdyn_name>&lol2;</msdyn_name></msdyn_dualwriteentitymap></msdyn_dualwriteentitymaps></ImportExportXml>
            """;
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("solution/Other/Customizations.xml", xml));
        Assert.Equal("The XML declares a document type (DTD) with entity declarations; MapLint never processes DTDs or resolves entities, so the file is not read. Solutions exported by Dataverse have no DTD: export the solution again.", diagnostics.Single().Message);
    }

    [Fact]
    public void Fires_ExternalEntityIsNeverRead()
    {
        string secret = Path.Combine(Path.GetTempPath(), "maplint-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secret, "TOPSECRET");
        try
        {
            var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file://" + secret + "\">]>\n<ImportExportXml><msdyn_dualwriteentitymaps><msdyn_dualwriteentitymap><msdyn_name>&xxe;</msdyn_name></msdyn_dualwriteentitymap></msdyn_dualwriteentitymaps></ImportExportXml>\n";
            var result = Linter.Run([("solution/Other/Customizations.xml", Encoding.UTF8.GetBytes(xml))]);
            Assert.Equal("DIPV2036", result.Diagnostics.Single().Id);
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("TOPSECRET", StringComparison.Ordinal));
            Assert.Empty(result.Model.TableMaps);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Silent_SolutionWithoutDtd() =>
        RuleVerifier.VerifyWithoutFixture(("solution/Other/Customizations.xml", Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))))));
}
