using MapLint.Diagnostics;

namespace MapLint.Documents;

/// <summary>Descriptors reported while documents are recognised, validated against their shape and bound.</summary>
public static class DocumentRules
{
    public static readonly DiagnosticDescriptor SchemaViolation = DiagnosticDescriptor.Create(
        "DIPV2001",
        "Document does not match its schema",
        "{0}",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor UnknownKind = DiagnosticDescriptor.Create(
        "DIPV2003",
        "Unknown document kind",
        "{0}",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor UnreadableFile = DiagnosticDescriptor.Create(
        "DIPV2004",
        "File cannot be read",
        "The file cannot be read: {0}",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor FileTooLarge = DiagnosticDescriptor.Create(
        "DIPV2005",
        "File too large",
        "The file is {0} MB, over MapLint's limit of {1} MB per document; split it into smaller documents.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor DuplicateName = DiagnosticDescriptor.Create(
        "DIPV2008",
        "Two documents of the same kind share a name",
        "Another {0} is also named '{1}' ({2}); references to this name are ambiguous. Rename one of them.",
        RuleCategory.Document,
        Severity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [SchemaViolation, UnknownKind, UnreadableFile, FileTooLarge, DuplicateName];
}
