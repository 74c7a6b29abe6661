using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2400 (several saved versions of one map); page docs/rules/DIPV2400.md.</summary>
public class DIPV2400Tests
{
    private static readonly string Mapping = Escape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")));

    [Fact]
    public void Fires_OlderVersionBesideTheCheckedOne()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "2.0.1.5", created: "2025-02-10T08:00:00Z", id: "a").Replace("\"msdyn_version\":\"2.0.1.5\"", "\"msdyn_version\":{|DIPV2400:\"2.0.1.5\"|}", StringComparison.Ordinal),
            Record(Mapping, version: "2.0.1.8", created: "2025-06-01T08:00:00Z", id: "b"))));
        Assert.Equal("Map 'msdyn_[account - CustomersV3]' is saved here in version 2.0.1.5 too; only one version of a map runs, and MapLint checks version 2.0.1.8. Remove the versions you do not deploy from the export or solution, or apply the one you mean.", diagnostics.Single().Message);
    }

    [Fact]
    public void Fires_NewestActiveWinsOverAnInactiveOne() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "2.0.1.5", created: "2025-02-10T08:00:00Z", id: "a"),
            Record(Mapping, version: "2.0.1.9", created: "2025-06-01T08:00:00Z", state: 1, id: "b").Replace("\"msdyn_version\":\"2.0.1.9\"", "\"msdyn_version\":{|DIPV2400:\"2.0.1.9\"|}", StringComparison.Ordinal))));

    [Fact]
    public void Silent_OneVersionPerMap() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "2.0.1.5", id: "a"),
            Record(Escape(Definition(FieldMapping("CONTACTPERSONID", "3", "msdyn_contactpersonid"), "CDSContactsV2", "contact")), name: "msdyn_[contact - CDSContactsV2]", display: "Contacts", id: "b"))));
}
