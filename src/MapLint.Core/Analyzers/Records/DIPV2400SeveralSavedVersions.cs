using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Records;

/// <summary>
/// DIPV2400: an export holds several saved versions of one map (each version is its own msdyn_dualwriteentitymap
/// record), but only one can run. MapLint checks the active version saved last and reports the others, so the
/// team knows which definition its findings are about.
/// </summary>
public sealed class DIPV2400SeveralSavedVersions : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2400",
        "Several saved versions of one map",
        "Map '{0}' is saved here in version {1} too; only one version of a map runs, and MapLint checks {2}. Remove the versions you do not deploy from the export or solution, or apply the one you mean.",
        RuleCategory.Document);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        if (context.TableMap.Records is not { } records)
        {
            return;
        }

        string checkedVersion = records.Checked.Version?.Value is { } v ? "version " + v : "the record saved last";
        foreach (var other in records.Others)
        {
            if (other.IsSentinel || (other.Version is { } version && records.Checked.Version?.Value == version.Value))
            {
                continue;
            }

            context.Report(Descriptor, other.Version?.Span ?? other.Name.Span, null, records.Checked.Name.Value, other.Version?.Value ?? "(none)", checkedVersion);
        }
    });
}
