using MapLint.Diagnostics;

namespace MapLint.Analysis;

/// <summary>
/// A rule (or a few closely related rules): declares its descriptors and registers for the node kinds it
/// inspects. Listed in <see cref="AnalyzerCatalog"/>; one concern per file, named after the rule id.
/// </summary>
public abstract class Analyzer
{
    public abstract IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>True when every rule of the analyzer needs entity metadata.</summary>
    public bool RequiresMetadata => SupportedDiagnostics.All(d => d.RequiresMetadata);

    public string Name => GetType().Name;

    /// <summary>
    /// True when its map actions read other maps (the sync graph): they run once every map is bound, after the
    /// maps' own rules ran on each map as it was loaded and the map let go of what those rules alone need.
    /// </summary>
    public virtual bool RequiresAllMaps => false;

    public abstract void Initialize(AnalysisRegistration registration);
}
