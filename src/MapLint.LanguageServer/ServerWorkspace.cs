using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Workspace;

namespace MapLint.LanguageServer;

/// <summary>One analysis of a workspace: the texts it read and its findings by file.</summary>
public sealed class WorkspaceAnalysis
{
    public required LintResult Result { get; init; }

    /// <summary>The UTF-8 text each file was analyzed with, by full path.</summary>
    public required IReadOnlyDictionary<string, byte[]> Texts { get; init; }

    /// <summary>Findings by full path, after severities, suppressions and the baseline, as the CLI reports them.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Findings { get; init; }

    public required IReadOnlyDictionary<string, string> FullPathOf { get; init; }
}

/// <summary>
/// A workspace the server has open: the folder of the nearest maplint.json (else the client's root), its
/// configuration and files, loaded once; the texts of the editor's open documents stand in for the files'.
/// Files are read from disk once and again only when the client says they changed.
/// </summary>
public sealed class ServerWorkspace
{
    private readonly Dictionary<string, byte[]> disk = new(WorkspaceSnapshot.PathComparer);
    private readonly Dictionary<string, byte[]> open = new(WorkspaceSnapshot.PathComparer);
    private readonly string? baselinePath;
    private ConfigLoadResult config;
    private IReadOnlyList<WorkspaceFile> files;
    private Baseline? baseline;
    private WorkspaceAnalysis? last;

    private ServerWorkspace(string root, ConfigLoadResult config, IReadOnlyList<WorkspaceFile> files, string? baselinePath)
    {
        Root = root;
        this.config = config;
        this.files = files;
        this.baselinePath = baselinePath;
        baseline = LoadBaseline();
    }

    public string Root { get; }

    /// <summary>The configuration's problems, reported on maplint.json like the CLI does.</summary>
    public IReadOnlyList<Diagnostic> ConfigurationFindings => config.Diagnostics;

    public static ServerWorkspace Load(string root, string? baselinePath)
    {
        var config = LoadConfig(root);
        return new ServerWorkspace(root, config, Discover(root, config.Config), baselinePath);
    }

    private static ConfigLoadResult LoadConfig(string root) =>
        ConfigLoader.Load(null, root, root) ?? new ConfigLoadResult(MapLintConfig.Default, []);

    private static IReadOnlyList<WorkspaceFile> Discover(string root, MapLintConfig config) =>
        Directory.Exists(root) ? FileDiscovery.Discover([root], root, config).Files : [];

    private Baseline? LoadBaseline() =>
        baselinePath is null ? null : Baseline.Load(Path.GetFullPath(baselinePath, Root)).Baseline;

    public bool Contains(string fullPath) =>
        fullPath.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public bool IsOpen(string fullPath) => open.ContainsKey(fullPath);

    public IEnumerable<string> OpenDocuments => open.Keys;

    /// <summary>The editor's text of an open document.</summary>
    public byte[]? TextOf(string fullPath) => open.GetValueOrDefault(fullPath);

    public void SetText(string fullPath, byte[] text)
    {
        open[fullPath] = text;
        last = null;
    }

    public void Close(string fullPath)
    {
        open.Remove(fullPath);
        last = null;
    }

    /// <summary>A file changed, appeared or went on disk: read it again; the configuration too when it was maplint.json.</summary>
    public void FileChanged(string fullPath)
    {
        disk.Remove(fullPath);
        if (string.Equals(Path.GetFileName(fullPath), ConfigLoader.FileName, StringComparison.OrdinalIgnoreCase) || (baselinePath is not null && fullPath == Path.GetFullPath(baselinePath, Root)))
        {
            config = LoadConfig(Root);
            baseline = LoadBaseline();
        }

        files = Discover(Root, config.Config);
        last = null;
    }

    /// <summary>The analysis of the current texts, run again only when something changed since the last.</summary>
    public WorkspaceAnalysis Analyze()
    {
        if (last is not null)
        {
            return last;
        }

        var given = open.ToDictionary(o => o.Key, o => (FileDiscovery.ToDisplayPath(o.Key, Root), o.Value), WorkspaceSnapshot.PathComparer);
        var documents = new List<(string Path, byte[] Content)>(files.Count + open.Count);
        var texts = new Dictionary<string, byte[]>(WorkspaceSnapshot.PathComparer);
        var fullPathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (fullPathOf.ContainsKey(file.DisplayPath))
            {
                continue;
            }

            byte[]? text = open.TryGetValue(file.FullPath, out var edited) ? edited : ReadFromDisk(file);
            if (text is not null)
            {
                documents.Add((file.DisplayPath, text));
                texts[file.FullPath] = text;
                fullPathOf[file.DisplayPath] = file.FullPath;
            }
        }

        foreach (var (fullPath, (displayPath, text)) in given)
        {
            if (!texts.ContainsKey(fullPath))
            {
                documents.Add((displayPath, text));
                texts[fullPath] = text;
                fullPathOf[displayPath] = fullPath;
            }
        }

        var result = Linter.Run(documents, new LintOptions { Config = config.Config });
        if (config.Diagnostics.Count > 0)
        {
            result = result.WithExtra(config.Diagnostics);
        }

        IEnumerable<Diagnostic> reported = result.Diagnostics;
        if (baseline is not null)
        {
            reported = baseline.NewFindings(result.Diagnostics, Root);
        }

        var findings = new Dictionary<string, IReadOnlyList<Diagnostic>>(WorkspaceSnapshot.PathComparer);
        foreach (var group in reported.GroupBy(d => d.Location.Path, StringComparer.Ordinal))
        {
            string full = fullPathOf.TryGetValue(group.Key, out var known) ? known : Path.GetFullPath(group.Key, Root);
            findings[full] = group.ToList();
        }

        return last = new WorkspaceAnalysis { Result = result, Texts = texts, Findings = findings, FullPathOf = fullPathOf };
    }

    private byte[]? ReadFromDisk(WorkspaceFile file)
    {
        if (disk.TryGetValue(file.FullPath, out var cached))
        {
            return cached;
        }

        var bytes = DocumentLoader.ReadBytes(file, new DiagnosticBag(file.DisplayPath, null));
        if (bytes is not null)
        {
            disk[file.FullPath] = bytes;
        }

        return bytes;
    }
}
