using MapLint.Diagnostics;

namespace MapLint.Metadata;

/// <summary>Descriptors reported while metadata exports are read.</summary>
public static class MetadataRules
{
    public static readonly DiagnosticDescriptor UnsupportedAttribute = DiagnosticDescriptor.Create(
        "DIPV2011",
        "Metadata export has an attribute type MapLint does not model",
        "{0}",
        RuleCategory.Schema,
        Severity.Info);

    public static readonly DiagnosticDescriptor UnreadableExport = DiagnosticDescriptor.Create(
        "DIPV2012",
        "Metadata export cannot be read",
        "{0}",
        RuleCategory.Schema,
        Severity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [UnsupportedAttribute, UnreadableExport];
}
