using MapLint.Diagnostics;

namespace MapLint.Configuration;

/// <summary>
/// What a team configures: severity per rule (from maplint.json, over .editorconfig's
/// dotnet_diagnostic.DIPVxxxx.severity), which files belong to the workspace, and where metadata lives.
/// Globs are relative to <see cref="Directory"/>, the folder of the maplint.json.
/// </summary>
public sealed class MapLintConfig
{
    public static readonly MapLintConfig Default = new(null, null, new Dictionary<string, ConfiguredSeverity>(), [], [], []);

    public MapLintConfig(string? path, string? directory, IReadOnlyDictionary<string, ConfiguredSeverity> severities, IReadOnlyList<string> include, IReadOnlyList<string> exclude, IReadOnlyList<string> metadata, IReadOnlyList<string>? crossCompanyDataSharing = null)
    {
        CrossCompanyDataSharing = crossCompanyDataSharing ?? [];
        Path = path;
        Directory = directory;
        Severities = severities;
        Include = include;
        Exclude = exclude;
        Metadata = metadata;
    }

    /// <summary>The maplint.json read, or null when none was found.</summary>
    public string? Path { get; }

    public string? Directory { get; }

    public IReadOnlyDictionary<string, ConfiguredSeverity> Severities { get; }

    /// <summary>The .editorconfig files the severities were read from, nearest first.</summary>
    public IReadOnlyList<string> EditorConfigFiles { get; init; } = [];

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    /// <summary>Files or globs of metadata always loaded with the workspace, wherever the checked paths are.</summary>
    public IReadOnlyList<string> Metadata { get; }

    /// <summary>Finance and operations entities with cross-company data sharing on (their $metadata does not say).</summary>
    public IReadOnlyList<string> CrossCompanyDataSharing { get; }

    /// <summary>The severities maplint.json sets (they win over .editorconfig); null: <see cref="Severities"/> holds all.</summary>
    public IReadOnlyDictionary<string, ConfiguredSeverity>? JsonRules { get; init; }

    /// <summary>The .editorconfig severities, per checked file (path sections, categories); null: <see cref="Severities"/> only.</summary>
    public EditorConfigSeverities? EditorConfig { get; init; }

    /// <summary>Where the workspace's .editorconfig files are read from for settings that are not per file.</summary>
    public string? EditorConfigFolder { get; init; }

    /// <summary>The severity a rule reports with in a file (null path: the workspace's), or null when it is turned off.</summary>
    public Severity? SeverityOf(DiagnosticDescriptor descriptor, string? fullPath = null)
    {
        // Documents in memory (tests, editors' unsaved buffers) have no folder of their own: the workspace's settings apply.
        if (JsonRules is { } json && EditorConfig is { } editorConfig && fullPath is not null && System.IO.Path.IsPathRooted(fullPath))
        {
            if (json.TryGetValue(descriptor.Id, out var fromJson))
            {
                return fromJson.ToSeverity();
            }

            return editorConfig.For(fullPath, descriptor) is { } setting
                ? setting.Severity is { } severity ? severity.ToSeverity() : descriptor.DefaultSeverity
                : descriptor.DefaultSeverity;
        }

        return Severities.TryGetValue(descriptor.Id, out var configured) ? configured.ToSeverity() : descriptor.DefaultSeverity;
    }

    /// <summary>True when the rule is off everywhere, so it need not run at all.</summary>
    public bool IsDisabled(DiagnosticDescriptor descriptor)
    {
        if (JsonRules is { } json && EditorConfig is { } editorConfig && EditorConfigFolder is { } folder)
        {
            return json.TryGetValue(descriptor.Id, out var fromJson)
                ? fromJson == ConfiguredSeverity.None
                : editorConfig.DisablesEverywhere(descriptor, folder);
        }

        return Severities.TryGetValue(descriptor.Id, out var configured) && configured == ConfiguredSeverity.None;
    }
}
