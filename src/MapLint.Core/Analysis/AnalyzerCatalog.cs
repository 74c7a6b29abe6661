using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Syntax;

namespace MapLint.Analysis;

/// <summary>The built-in analyzers, discovered by reflection, and every descriptor MapLint can report.</summary>
public static class AnalyzerCatalog
{
    private static readonly Lazy<IReadOnlyList<Analyzer>> BuiltInAnalyzers = new(Discover);
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> Descriptors = new(CollectDescriptors);

    public static IReadOnlyList<Analyzer> BuiltIn => BuiltInAnalyzers.Value;

    /// <summary>Every rule, sorted by id: stage rules (syntax, documents, engine) and analyzer rules.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors => Descriptors.Value;

    public static DiagnosticDescriptor? Find(string id) =>
        AllDescriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<Analyzer> Discover() =>
        typeof(Analyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Analyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (Analyzer)Activator.CreateInstance(t)!)
            .ToList();

    private static IReadOnlyList<DiagnosticDescriptor> CollectDescriptors() =>
        SyntaxRules.All
            .Concat(DocumentRules.All)
            .Concat(EngineRules.All)
            .Concat(Configuration.ConfigurationRules.All)
            .Concat(Metadata.MetadataRules.All)
            .Append(Suppressions.Unused)
            .Concat(BuiltIn.SelectMany(a => a.SupportedDiagnostics))
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
