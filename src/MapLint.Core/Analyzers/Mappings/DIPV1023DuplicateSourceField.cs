using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>DIPV1023: two mappings that flow back into the source (= &gt;&lt; &lt; &lt;&lt;) write the same source field.</summary>
public sealed class DIPV1023DuplicateSourceField : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1023",
        "Source field is written by more than one mapping",
        "Source field '{0}' is written by mappings {1} and {2}; keep one of them, or make the other one way ('>').",
        RuleCategory.Mapping);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterTableMapAction(context => DuplicateWrites.Check(context, MapSideRole.Source, Descriptor));
}
