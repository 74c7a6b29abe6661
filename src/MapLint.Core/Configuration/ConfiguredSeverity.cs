using MapLint.Diagnostics;

namespace MapLint.Configuration;

/// <summary>A rule's severity as configured; None turns the rule off (it does not run).</summary>
public enum ConfiguredSeverity
{
    Error,
    Warning,
    Info,
    None,
}

public static class ConfiguredSeverities
{
    public static readonly IReadOnlyList<string> Names = ["error", "warning", "info", "none"];

    public static ConfiguredSeverity? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "error" => ConfiguredSeverity.Error,
        "warning" => ConfiguredSeverity.Warning,
        "info" or "suggestion" => ConfiguredSeverity.Info,
        "none" or "silent" => ConfiguredSeverity.None,
        _ => null,
    };

    public static Severity? ToSeverity(this ConfiguredSeverity configured) => configured switch
    {
        ConfiguredSeverity.Error => Severity.Error,
        ConfiguredSeverity.Warning => Severity.Warning,
        ConfiguredSeverity.Info => Severity.Info,
        _ => null,
    };
}
