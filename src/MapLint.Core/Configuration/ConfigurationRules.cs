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

    public static readonly DiagnosticDescriptor MetadataMatchesNothing = DiagnosticDescriptor.Create(
        "DIPV2020",
        "Configured metadata matches no file",
        "'{0}' in \"metadata\" matches no file, so no metadata is loaded from it and the rules that need it may be skipped. Fix the path or glob (it is relative to maplint.json), or remove it.",
        RuleCategory.Document,
        Severity.Warning);

    public static readonly DiagnosticDescriptor UnknownSharedEntity = DiagnosticDescriptor.Create(
        "DIPV2021",
        "Cross-company data sharing names an unknown entity",
        "'{0}' in \"crossCompanyDataSharing\" is no entity of the finance and operations metadata, so this setting has no effect.{1}",
        RuleCategory.Document,
        Severity.Warning);

    public static readonly DiagnosticDescriptor UnknownSeverity = DiagnosticDescriptor.Create(
        "DIPV2022",
        "Configured severity is not understood",
        "'{0}' is not a severity, so '{1}' has no effect; use error, warning, suggestion, silent, none or default.",
        RuleCategory.Document,
        Severity.Warning);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [UnknownRule, MetadataMatchesNothing, UnknownSharedEntity, UnknownSeverity];
}
