using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>
/// DIPV2107: one field is mapped both ways to two fields of the other side. The forward direction copies it
/// into both; the way back writes it from both, and the last change wins. Microsoft's templates do this (a
/// finance and operations key copied into a lookup and a column), so it is a warning, not DIPV1023/DIPV1026.
/// </summary>
public sealed class DIPV2107FieldFedBothWaysFromTwoFields : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2107",
        "Field mapped both ways to two fields",
        "Field '{0}' is mapped both ways by mappings {1} and {2}, from two different fields; changes coming back write it from both, and the last one wins. Make one of them one way unless both always hold the same value.",
        RuleCategory.Mapping);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var role in new[] { MapSideRole.Source, MapSideRole.Destination })
        {
            foreach (var collision in DuplicateWrites.Find(context.TableMap, role))
            {
                if (collision.IsFanOut(role))
                {
                    DuplicateWrites.Report(context, Descriptor, collision);
                }
            }
        }
    });
}
