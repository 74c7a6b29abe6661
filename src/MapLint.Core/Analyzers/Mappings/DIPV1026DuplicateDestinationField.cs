using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>DIPV1026: two mappings write the same destination field; which value wins is undefined.</summary>
public sealed class DIPV1026DuplicateDestinationField : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1026",
        "Destination field is written by more than one mapping",
        "Destination field '{0}' is written by mappings {1} and {2}; keep one of them, or make the other one way ('<').",
        RuleCategory.Mapping);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterTableMapAction(context => DuplicateWrites.Check(context, MapSideRole.Destination, Descriptor));
}
