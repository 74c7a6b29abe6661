using MapLint.Tests.Infrastructure;
using static MapLint.Tests.Readers.ServiceShapes;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2402 (managed and unmanaged records of one map); page docs/rules/DIPV2402.md.</summary>
public class DIPV2402Tests
{
    private static readonly string Mapping = Escape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")));

    [Fact]
    public void Fires_TransportedMapEditedInPlace()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "1.0.0.0", managed: true, created: "2025-02-10T08:00:00Z", id: "a"),
            Record(Mapping, version: "1.0.0.0", managed: false, created: "2025-06-01T08:00:00Z", id: "b").Replace("\"ismanaged\":false", "\"ismanaged\":{|DIPV2402:false|}", StringComparison.Ordinal)
                .Replace("\"msdyn_version\":\"1.0.0.0\"", "\"msdyn_version\":{|DIPV2403:\"1.0.0.0\"|}", StringComparison.Ordinal))));
        Assert.Contains(diagnostics, d => d.Id == "DIPV2402" && d.Message.StartsWith("Map 'msdyn_[account - CustomersV3]' has managed records (from a solution) and this unmanaged one (version 1.0.0.0)", StringComparison.Ordinal));
    }

    [Fact]
    public void Silent_AllManaged() =>
        RuleVerifier.VerifyWithoutFixture(("case/export.json", Export(
            Record(Mapping, version: "1.0.0.0", managed: true, id: "a"),
            Record(Mapping, version: "1.0.0.1", managed: true, created: "2025-01-01T00:00:00Z", id: "b").Replace("\"msdyn_version\":\"1.0.0.1\"", "\"msdyn_version\":{|DIPV2400:\"1.0.0.1\"|}", StringComparison.Ordinal))));
}
