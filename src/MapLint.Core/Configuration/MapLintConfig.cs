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

    /// <summary>The severity a rule reports with, or null when it is turned off.</summary>
    public Severity? SeverityOf(DiagnosticDescriptor descriptor) =>
        Severities.TryGetValue(descriptor.Id, out var configured) ? configured.ToSeverity() : descriptor.DefaultSeverity;

    public bool IsDisabled(DiagnosticDescriptor descriptor) =>
        Severities.TryGetValue(descriptor.Id, out var configured) && configured == ConfiguredSeverity.None;
}
