using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>
/// Tests of DIPV2401 (parked sentinel version); page docs/rules/DIPV2401.md. The shape is the one a public dual-write
/// cockpit's tests record: a map running 2.0.1.8 whose most recently saved record is 9.9.9.9.
/// </summary>
public class DIPV2401Tests
{
    private static readonly string Mapping = Escape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")));

    [Fact]
    public void Fires_SentinelSavedAfterTheRunningVersion()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "2.0.1.8", created: "2025-02-10T08:00:00Z", id: "a"),
            Record(Mapping, version: "9.9.9.9", created: "2025-06-01T08:00:00Z", id: "b").Replace("\"msdyn_version\":\"9.9.9.9\"", "\"msdyn_version\":{|DIPV2401:\"9.9.9.9\"|}", StringComparison.Ordinal))));
        Assert.StartsWith("Version 9.9.9.9 of map 'msdyn_[account - CustomersV3]' is a parked sentinel", diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_OnlyVersionIsASentinel() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "99.99.99.99").Replace("\"msdyn_version\":\"99.99.99.99\"", "\"msdyn_version\":{|DIPV2401:\"99.99.99.99\"|}", StringComparison.Ordinal))));

    [Fact]
    public void Silent_RealVersions() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(Record(Mapping, version: "2.0.9.9"))));
}
