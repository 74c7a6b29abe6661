using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Records;

/// <summary>
/// DIPV2401: a version parked at a sentinel number such as 9.9.9.9. It outranks every real version when versions
/// are compared, so a tool or person picking "the highest version" applies a draft; it is never the version MapLint
/// checks while a real one exists.
/// </summary>
public sealed class DIPV2401SentinelVersion : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2401",
        "Parked sentinel version",
        "Version {0} of map '{1}' is a parked sentinel: it outranks every real version, so picking the highest version applies it. Give the draft a real version number or remove it from the export.",
        RuleCategory.Document);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        if (context.TableMap.Records is not { } records)
        {
            return;
        }

        foreach (var record in records.All.Where(r => r.IsSentinel))
        {
            context.Report(Descriptor, record.Version!.Value.Span, null, record.Version.Value.Value, records.Checked.Name.Value);
        }
    });
}
