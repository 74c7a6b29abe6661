using MapLint.Diagnostics;

namespace MapLint.Analysis;

/// <summary>Descriptors the engine itself reports when an analyzer throws (the service's own codes for this).</summary>
public static class EngineRules
{
    public static readonly DiagnosticDescriptor TableMapAnalyzerException = DiagnosticDescriptor.Create(
        "DIPV1001",
        "Exception while validating a table map",
        "Analyzer '{0}' failed on this table map ({1} {2}); the other rules still ran. Please report this with the file.",
        RuleCategory.Internal,
        Severity.Error);

    public static readonly DiagnosticDescriptor ProjectAnalyzerException = DiagnosticDescriptor.Create(
        "DIPV1006",
        "Exception while validating a project or connection set",
        "Analyzer '{0}' failed on this {1} ({2} {3}); the other rules still ran. Please report this with the file.",
        RuleCategory.Internal,
        Severity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [TableMapAnalyzerException, ProjectAnalyzerException];
}
