using MapLint.Diagnostics;

namespace MapLint.Analyzers;

/// <summary>Shorthand for declaring a rule's descriptor inside its analyzer.</summary>
internal static class Rule
{
    public static DiagnosticDescriptor Error(string id, string title, string message, RuleCategory category, bool metadata = false) =>
        DiagnosticDescriptor.Create(id, title, message, category, Severity.Error, metadata);

    public static DiagnosticDescriptor Warning(string id, string title, string message, RuleCategory category, bool metadata = false) =>
        DiagnosticDescriptor.Create(id, title, message, category, Severity.Warning, metadata);

    public static DiagnosticDescriptor Info(string id, string title, string message, RuleCategory category, bool metadata = false) =>
        DiagnosticDescriptor.Create(id, title, message, category, Severity.Info, metadata);

    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));
}
