using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2403 (two records of the same map and version); page docs/rules/DIPV2403.md.</summary>
public class DIPV2403Tests
{
    private static readonly string Mapping = Escape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")));

    [Fact]
    public void Fires_SameNameAndVersion()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "2.0.1.8", id: "a"),
            Record(Mapping, version: "2.0.1.8", id: "b").Replace("\"msdyn_version\":\"2.0.1.8\"", "\"msdyn_version\":{|DIPV2403:\"2.0.1.8\"|}", StringComparison.Ordinal))));
        Assert.Equal("Another record of map 'msdyn_[account - CustomersV3]' also has version 2.0.1.8; the service cannot tell them apart. Give one of them a new version number or remove it.", diagnostics.Single().Message);
    }

    [Fact]
    public void Fires_InASolution() =>
        RuleVerifier.VerifyWithoutFixture(("solution/Other/Customizations.xml", Customizations(
            ("msdyn_[account - CustomersV3]", "2.0.1.8", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))),
            ("msdyn_[account - CustomersV3]", "{|DIPV2403:2.0.1.8|}", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))))));

    [Fact]
    public void Silent_DifferentMapsSameVersion() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "2.0.1.8", id: "a"),
            Record(Escape(Definition(FieldMapping("CONTACTPERSONID", "3", "msdyn_contactpersonid"), "CDSContactsV2", "contact")), name: "msdyn_[contact - CDSContactsV2]", display: "Contacts", version: "2.0.1.8", id: "b"))));
}
