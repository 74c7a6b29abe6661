using MapLint.Configuration;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Engine;

/// <summary>
/// The exact files a run reads, for build systems (MSBuild target inputs) and caches: the documents, the
/// maplint.json found or given, the .editorconfig files on the way up (to the one with root = true), and the
/// metadata globs of the configuration (full-path globs, so files added later are seen too).
/// </summary>
public sealed class RunInputs
{
    private RunInputs(IReadOnlyList<string> documents, string? configFile, IReadOnlyList<string> editorConfigFiles, IReadOnlyList<string> metadataGlobs)
    {
        Documents = documents;
        ConfigFile = configFile;
        EditorConfigFiles = editorConfigFiles;
        MetadataGlobs = metadataGlobs;
    }

    /// <summary>Full paths of the documents, sorted (ordinal).</summary>
    public IReadOnlyList<string> Documents { get; }

    public string? ConfigFile { get; }

    /// <summary>The .editorconfig files read for severities, nearest first.</summary>
    public IReadOnlyList<string> EditorConfigFiles { get; }

    /// <summary>The configuration's metadata entries as full paths or globs (forward slashes).</summary>
    public IReadOnlyList<string> MetadataGlobs { get; }

    /// <summary>maplint.json and the .editorconfig files: a change to one concerns every document.</summary>
    public IEnumerable<string> Configuration => (ConfigFile is null ? [] : new[] { ConfigFile }).Concat(EditorConfigFiles);

    /// <summary>Every file read, sorted and each once.</summary>
    public IReadOnlyList<string> Files => Documents.Concat(Configuration).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static RunInputs For(MapLintConfig config, IEnumerable<WorkspaceFile> files)
    {
        var globs = config.Directory is { } directory
            ? config.Metadata.Select(m => PathUtil.FullPath(m, directory).Replace('\\', '/')).ToList()
            : [];
        var documents = files.Select(f => f.FullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // Severities are read per document (.editorconfig path sections): the files above each document's folder count too.
        var editorConfigFiles = config.EditorConfigFiles
            .Concat(documents.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).SelectMany(EditorConfigSeverities.Files))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new RunInputs(documents, config.Path, editorConfigFiles, globs);
    }
}
