using MapLint.Diagnostics;

namespace MapLint.Configuration;

/// <summary>Descriptors of problems in the configuration: maplint.json, .editorconfig and the build's warning properties.</summary>
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

    public static readonly DiagnosticDescriptor ConflictingSeverity = DiagnosticDescriptor.Create(
        "DIPV2023",
        "Rule severity is set twice with different values",
        "'{0}' is set to '{1}' here, but {2} sets it to '{3}', which wins, so this setting has no effect. Set the rule's severity in one place.",
        RuleCategory.Document,
        Severity.Warning);

    public static readonly DiagnosticDescriptor UnknownCategory = DiagnosticDescriptor.Create(
        "DIPV2024",
        "Configuration names an unknown category",
        "'{0}' is not a MapLint category, so '{1}' has no effect.{2} MapLint's categories: Document, Connection, Project, Organization, IntegrationKey, Mapping, Schema, DataType, Filter, Sync, Internal.",
        RuleCategory.Document,
        Severity.Warning);

    public static readonly DiagnosticDescriptor FilterLeavesNothing = DiagnosticDescriptor.Create(
        "DIPV2025",
        "Include or exclude leaves nothing to check",
        "'{0}' in \"{1}\" {2}, so folder walks check nothing through it. Fix the glob (it is relative to maplint.json) or remove it.",
        RuleCategory.Document,
        Severity.Warning);

    public static readonly DiagnosticDescriptor WarningPropertyConflict = DiagnosticDescriptor.Create(
        "DIPV2026",
        "Build properties contradict each other or the configuration",
        "{0} lists {1}, but {2}, so {3}. Keep the code in one place.",
        RuleCategory.Document,
        Severity.Warning);

    public static readonly DiagnosticDescriptor SettingOutsideSection = DiagnosticDescriptor.Create(
        "DIPV2027",
        "Setting stands before the first .editorconfig section",
        "'{0}' stands before the first section, where only 'root' is read, so it applies to no file. Move it under a section such as [*.json].",
        RuleCategory.Document,
        Severity.Warning);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [UnknownRule, MetadataMatchesNothing, UnknownSharedEntity, UnknownSeverity, ConflictingSeverity, UnknownCategory, FilterLeavesNothing, WarningPropertyConflict, SettingOutsideSection];
}
