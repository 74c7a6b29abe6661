using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Engine;
using MapLint.Workspace;

namespace MapLint.LanguageServer;

/// <summary>One analysis of a workspace: the texts it read and its findings by file.</summary>
public sealed class WorkspaceAnalysis
{
    public required LintResult Result { get; init; }

    /// <summary>The editor's UTF-8 text of each open document, by full path (what the findings' positions are in).</summary>
    public required IReadOnlyDictionary<string, byte[]> Texts { get; init; }

    /// <summary>Findings by full path, after severities, suppressions and the baseline, as the CLI reports them.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Findings { get; init; }

    public required IReadOnlyDictionary<string, string> FullPathOf { get; init; }
}

/// <summary>
/// A workspace the server has open: the folder of the nearest maplint.json (else the client's root), its
/// configuration and files, loaded and checked once by the engine (<see cref="LintWorkspace"/>). The editor's
/// open documents stand in for their files; an edit re-checks that document and the documents whose findings
/// depend on it (<see cref="LintWorkspace.Update"/>), the others' summaries are reused.
/// </summary>
public sealed class ServerWorkspace
{
    private readonly Dictionary<string, byte[]> open = new(WorkspaceSnapshot.PathComparer);
    private readonly HashSet<string> edited = new(WorkspaceSnapshot.PathComparer);
    private readonly HashSet<string> changedOnDisk = new(WorkspaceSnapshot.PathComparer);
    private readonly string? baselinePath;
    private ConfigLoadResult config;
    private Baseline? baseline;
    private LintWorkspace? engine;
    private WorkspaceAnalysis? last;

    private ServerWorkspace(string root, ConfigLoadResult config, string? baselinePath)
    {
        Root = root;
        this.config = config;
        this.baselinePath = baselinePath;
        baseline = LoadBaseline();
    }

    public string Root { get; }

    public static ServerWorkspace Load(string root, string? baselinePath) => new(root, LoadConfig(root), baselinePath);

    private static ConfigLoadResult LoadConfig(string root) =>
        ConfigLoader.Load(null, root, root) ?? new ConfigLoadResult(MapLintConfig.Default, []);

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
        edited.Add(fullPath);
        last = null;
    }

    /// <summary>The editor let the document go: the file's own text counts again.</summary>
    public void Close(string fullPath)
    {
        open.Remove(fullPath);
        edited.Add(fullPath);
        last = null;
    }

    /// <summary>A file changed, appeared or went on disk; maplint.json or the baseline changing reloads the workspace.</summary>
    public void FileChanged(string fullPath)
    {
        if (string.Equals(Path.GetFileName(fullPath), ConfigLoader.FileName, StringComparison.OrdinalIgnoreCase) || (baselinePath is not null && fullPath == Path.GetFullPath(baselinePath, Root)))
        {
            config = LoadConfig(Root);
            baseline = LoadBaseline();
            engine = null;
        }
        else if (!File.Exists(fullPath))
        {
            engine = null; // a deleted file leaves the workspace: found again by discovery
        }
        else
        {
            changedOnDisk.Add(fullPath);
        }

        last = null;
    }

    /// <summary>The analysis of the current texts: the first opens the workspace, later ones re-check what changed.</summary>
    public WorkspaceAnalysis Analyze()
    {
        if (last is not null)
        {
            return last;
        }

        if (engine is null)
        {
            var files = Directory.Exists(Root) ? FileDiscovery.Discover([Root], Root, config.Config).Files : [];
            var options = new LintOptions { Config = config.Config, DisplayPath = p => FileDiscovery.ToDisplayPath(p, Root) };
            engine = LintWorkspace.Open(files, options);
            edited.UnionWith(open.Keys);
            changedOnDisk.Clear();
        }

        foreach (var path in edited)
        {
            engine.Update(path, open.GetValueOrDefault(path));
        }

        if (changedOnDisk.Count > 0)
        {
            engine.Refresh(changedOnDisk.Where(p => !open.ContainsKey(p)).ToList());
        }

        edited.Clear();
        changedOnDisk.Clear();
        var result = engine.Result;
        if (config.Diagnostics.Count > 0)
        {
            result = result.WithExtra(config.Diagnostics);
        }

        IEnumerable<Diagnostic> reported = baseline is null ? result.Diagnostics : baseline.NewFindings(result.Diagnostics, Root);
        var fullPathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in engine.Files)
        {
            fullPathOf.TryAdd(file.DisplayPath, file.FullPath);
        }

        var findings = new Dictionary<string, IReadOnlyList<Diagnostic>>(WorkspaceSnapshot.PathComparer);
        foreach (var group in reported.GroupBy(d => d.Location.Path, StringComparer.Ordinal))
        {
            string full = fullPathOf.TryGetValue(group.Key, out var known) ? known : Path.GetFullPath(group.Key, Root);
            findings[full] = group.ToList();
        }

        var texts = new Dictionary<string, byte[]>(open, WorkspaceSnapshot.PathComparer);
        return last = new WorkspaceAnalysis { Result = result, Texts = texts, Findings = findings, FullPathOf = fullPathOf };
    }
}
