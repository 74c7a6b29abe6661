using MapLint.Diagnostics;

namespace MapLint.Configuration;

/// <summary>Descriptors reported while maplint.json is read.</summary>
public static class ConfigurationRules
{
    public static readonly DiagnosticDescriptor UnknownRule = DiagnosticDescriptor.Create(
        "DIPV2010",
        "Configuration names an unknown rule",
        "'{0}' is not a MapLint rule, so this setting has no effect.{1}",
        RuleCategory.Document,
        Severity.Warning);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [UnknownRule];
}
