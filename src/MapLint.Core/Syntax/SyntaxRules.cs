using MapLint.Diagnostics;

namespace MapLint.Syntax;

/// <summary>Descriptors reported while a file is decoded and parsed (the syntax stage of the pipeline).</summary>
public static class SyntaxRules
{
    public static readonly DiagnosticDescriptor JsonSyntaxError = DiagnosticDescriptor.Create(
        "DIPV2000",
        "JSON syntax error",
        "{0}",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor DuplicateProperty = DiagnosticDescriptor.Create(
        "DIPV2002",
        "Duplicate property",
        "Property '{0}' appears more than once in this object; MapLint reads the first one. Remove or rename this duplicate.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor UnsupportedEncoding = DiagnosticDescriptor.Create(
        "DIPV2006",
        "Unsupported encoding or binary content",
        "{0}",
        RuleCategory.Document,
        Severity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [JsonSyntaxError, DuplicateProperty, UnsupportedEncoding];
}
