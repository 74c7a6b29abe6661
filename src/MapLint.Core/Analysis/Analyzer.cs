using MapLint.Diagnostics;

namespace MapLint.Analysis;

/// <summary>
/// A rule (or a few closely related rules): declares its descriptors and registers for the node kinds it
/// inspects. Analyzers are discovered by reflection; one concern per file, named after the rule id.
/// </summary>
public abstract class Analyzer
{
    public abstract IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>True when every rule of the analyzer needs entity metadata.</summary>
    public bool RequiresMetadata => SupportedDiagnostics.All(d => d.RequiresMetadata);

    public string Name => GetType().Name;

    public abstract void Initialize(AnalysisRegistration registration);
}
