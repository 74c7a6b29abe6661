using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Engine;
using MapLint.Analysis;
using MapLint.Semantics;
using MapLint.Workspace;

namespace MapLint;

public sealed class LintOptions
{
    /// <summary>Analyzers to run; the built-in set when null.</summary>
    public IReadOnlyList<Analyzer>? Analyzers { get; init; }

    public long MaxFileBytes { get; init; } = DocumentLoader.DefaultMaxFileBytes;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// True (the default): each map keeps, once its own rules ran, only what rules spanning maps need, so memory
    /// stays near the size of the metadata. False keeps every map whole in <see cref="LintResult.Model"/>, for
    /// callers that read the model afterwards. Findings are the same (tested).
    /// </summary>
    public bool StreamMaps { get; init; } = true;

    /// <summary>Severities (rules set to none do not run) and workspace settings.</summary>
    public MapLintConfig Config { get; init; } = MapLintConfig.Default;

    /// <summary>Summaries kept between runs (<c>--no-cache</c> leaves it null); used with the built-in analyzers and streamed maps.</summary>
    public SummaryCache? Cache { get; init; }

    /// <summary>The path shown for a file added to an open workspace (<see cref="LintWorkspace.Update"/>); the full path when null.</summary>
    public Func<string, string>? DisplayPath { get; init; }
}

public sealed class LintResult
{
    internal LintResult(IReadOnlyList<Diagnostic> diagnostics, int fileCount, int documentCount, IReadOnlyList<string> notes, SemanticModel model)
        : this(diagnostics, fileCount, documentCount, notes, new Lazy<SemanticModel>(() => model), new Lazy<BusinessCentral.BusinessCentralApp>(() => MapLint.BusinessCentral.BusinessCentralApp.Empty))
    {
    }

    /// <summary>A report whose model and Business Central app are made only if asked for (the last run's, from its record).</summary>
    internal LintResult(IReadOnlyList<Diagnostic> diagnostics, int fileCount, int documentCount, IReadOnlyList<string> notes, Lazy<SemanticModel> model, Lazy<BusinessCentral.BusinessCentralApp> businessCentral)
    {
        Diagnostics = diagnostics;
        FileCount = fileCount;
        DocumentCount = documentCount;
        Notes = notes;
        lazyModel = model;
        lazyBusinessCentral = businessCentral;
    }

    private readonly Lazy<SemanticModel> lazyModel;
    private Lazy<BusinessCentral.BusinessCentralApp> lazyBusinessCentral;
    private IReadOnlyList<MetadataSource>? metadataSources;

    /// <summary>Sorted by path, position, id and message.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public int FileCount { get; }

    /// <summary>Documents bound from the files (JSON that is not MapLint's is skipped).</summary>
    public int DocumentCount { get; }

    /// <summary>Run-level information, such as rules skipped for lack of metadata.</summary>
    public IReadOnlyList<string> Notes { get; }

    public SemanticModel Model => lazyModel.Value;

    /// <summary>The AL side of the run: tables, proxy tables and integration mappings read from .al files.</summary>
    public BusinessCentral.BusinessCentralApp BusinessCentral
    {
        get => lazyBusinessCentral.Value;
        internal set => lazyBusinessCentral = new Lazy<BusinessCentral.BusinessCentralApp>(() => value);
    }

    /// <summary>The metadata files' apps and entity names (loaded documents and files known from the cache).</summary>
    public IReadOnlyList<MetadataSource> MetadataSources
    {
        get => metadataSources ?? Model.Metadata.Sources;
        internal init => metadataSources = value;
    }

    /// <summary>
    /// The paths of the documents bound, sorted: the model's documents and the metadata files a cached run knows
    /// by their entries without reading them, so reports listing checked files are the same cached or not.
    /// </summary>
    public IReadOnlyList<string> DocumentPaths { get; internal set; } = [];

    /// <summary>Wall time of each phase of the run, for the benchmark harness; never part of any output.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases { get; internal set; } = [];

    /// <summary>Findings of a severity that count (suppressed ones do not).</summary>
    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity && !d.IsSuppressed);

    public int SuppressedCount => Diagnostics.Count(d => d.IsSuppressed);

    /// <summary>The run with findings from outside the documents added (problems in maplint.json).</summary>
    public LintResult WithExtra(IEnumerable<Diagnostic> extra)
    {
        var all = Diagnostics.Concat(extra).ToList();
        all.Sort(DiagnosticComparer.Instance);
        return new LintResult(all, FileCount, DocumentCount, Notes, lazyModel, lazyBusinessCentral) { Phases = Phases, DocumentPaths = DocumentPaths, MetadataSources = MetadataSources };
    }

    /// <summary>The same run reporting only some findings (hook mode, baselines); <paramref name="fileCount"/> is what the summary counts.</summary>
    public LintResult Restrict(Func<Diagnostic, bool> keep, int fileCount) =>
        new(Diagnostics.Where(keep).ToList(), fileCount, DocumentCount, Notes, lazyModel, lazyBusinessCentral) { Phases = Phases, DocumentPaths = DocumentPaths, MetadataSources = MetadataSources };
}

/// <summary>
/// One check of a set of files: a front over the engine (<see cref="LintWorkspace"/>) for callers that check
/// once and read the result. Output does not depend on scheduling order.
/// </summary>
public static class Linter
{
    public static LintResult Run(IReadOnlyList<WorkspaceFile> files, LintOptions? options = null) =>
        LintWorkspace.Open(files, options).Result;

    /// <summary>Runs on in-memory documents (tests, editors): path and UTF-8 content.</summary>
    public static LintResult Run(IReadOnlyList<(string Path, byte[] Content)> documents, LintOptions? options = null) =>
        LintWorkspace.Open(documents, options).Result;
}
