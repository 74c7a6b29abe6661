using System.Text.RegularExpressions;
using MapLint.Analysis;
using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Metadata;
using MapLint.Documents;
using MapLint.Model;
using MapLint.Planning;
using MapLint.Semantics;
using MapLint.Workspace;
using MapLint.Util;

namespace MapLint;

public sealed class LintOptions
{
    /// <summary>Analyzers to run; the built-in set when null.</summary>
    public IReadOnlyList<Analyzer>? Analyzers { get; init; }

    public long MaxFileBytes { get; init; } = DocumentLoader.DefaultMaxFileBytes;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// True (the default): each map is checked by its own rules as soon as it is loaded and then keeps only what
    /// rules spanning maps need, so memory stays near the size of the metadata. False keeps every map whole in
    /// <see cref="LintResult.Model"/>, for callers that read the model afterwards. Findings are the same (tested).
    /// </summary>
    public bool StreamMaps { get; init; } = true;

    /// <summary>Severities (rules set to none do not run) and workspace settings.</summary>
    public MapLintConfig Config { get; init; } = MapLintConfig.Default;
}

public sealed class LintResult
{
    internal LintResult(IReadOnlyList<Diagnostic> diagnostics, int fileCount, int documentCount, IReadOnlyList<string> notes, SemanticModel model)
    {
        Diagnostics = diagnostics;
        FileCount = fileCount;
        DocumentCount = documentCount;
        Notes = notes;
        Model = model;
    }

    /// <summary>Sorted by path, position, id and message.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public int FileCount { get; }

    /// <summary>Files recognised as MapLint documents (other JSON files are skipped).</summary>
    public int DocumentCount { get; }

    /// <summary>Run-level information, such as rules skipped for lack of metadata.</summary>
    public IReadOnlyList<string> Notes { get; }

    public SemanticModel Model { get; }

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
        return new LintResult(all, FileCount, DocumentCount, Notes, Model);
    }

    /// <summary>The same run reporting only some findings (hook mode, baselines); <paramref name="fileCount"/> is what the summary counts.</summary>
    public LintResult Restrict(Func<Diagnostic, bool> keep, int fileCount) =>
        new(Diagnostics.Where(keep).ToList(), fileCount, DocumentCount, Notes, Model);
}

/// <summary>
/// The pipeline: load (read, decode, parse, validate, bind) every file in parallel, build the semantic model,
/// run the analyzers per document in parallel, then sort. Output does not depend on scheduling order.
/// </summary>
public static class Linter
{
    public static LintResult Run(IReadOnlyList<WorkspaceFile> files, LintOptions? options = null) =>
        Run(files.Count, i => files[i], (i, bag) => DocumentLoader.ReadBytes(files[i], bag, (options ?? new LintOptions()).MaxFileBytes), options, i => () => ReadAgain(files[i]), i => DocumentLoader.ReadPrefix(files[i]));

    /// <summary>Runs on in-memory documents (tests, editors): path and UTF-8 content.</summary>
    public static LintResult Run(IReadOnlyList<(string Path, byte[] Content)> documents, LintOptions? options = null) =>
        Run(documents.Count, i => new WorkspaceFile(documents[i].Path, documents[i].Path), (i, _) => documents[i].Content, options, null, null);

    /// <summary>A file's text as the loader decoded it, for a report that shows a line of a released text.</summary>
    private static byte[]? ReadAgain(WorkspaceFile file)
    {
        try
        {
            return Syntax.SourceDecoder.Decode(File.ReadAllBytes(file.FullPath), new DiagnosticBag(file.DisplayPath, null))?.Utf8;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static LintResult Run(int count, Func<int, WorkspaceFile> fileAt, Func<int, DiagnosticBag, byte[]?> bytesAt, LintOptions? options, Func<int, Func<byte[]?>>? readAgain, Func<int, byte[]?>? prefixAt)
    {
        options ??= new LintOptions();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<(string Phase, TimeSpan Elapsed)>();
        void Lap(string phase)
        {
            phases.Add((phase, clock.Elapsed));
            clock.Restart();
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        var sharing = options.Config.CrossCompanyDataSharing;
        var bags = new DiagnosticBag[count];
        var documents = new MapLintDocument?[count];
        var exports = new byte[]?[count];
        var mapFiles = new bool[count];
        var service = new IReadOnlyList<MapLintDocument>?[count];
        int fileCount = count;

        // Phase 1: every document but the table maps, which only say that they are maps, from their first bytes
        // when they come from disk (they are read whole in phase 2). Metadata exports wait, so they can be
        // converted for the maps alone.
        Parallel.For(0, count, parallel, i =>
        {
            var file = fileAt(i);
            bags[i] = new DiagnosticBag(file.DisplayPath, null);
            if (prefixAt?.Invoke(i) is { } prefix && ReaderBinding.PeekKind(prefix, complete: false) == "tableMap" && !DocumentLoader.IsMetadataExport(file, prefix))
            {
                mapFiles[i] = true;
                return;
            }

            if (bytesAt(i, bags[i]) is not { } bytes)
            {
                return;
            }

            if (DocumentLoader.IsMetadataExport(file, bytes))
            {
                exports[i] = bytes;
            }
            else if (DocumentLoader.LooksLikeTableMap(bytes))
            {
                mapFiles[i] = true;
            }
            else
            {
                var (all, fromService) = DocumentLoader.LoadAll(file, bytes, bags[i], sharing);
                if (fromService)
                {
                    service[i] = all;
                    return;
                }

                documents[i] = all.Count > 0 ? all[0] : null;

                // Metadata is bound and no rule reports into it later: its text can go (see SourceText.Release).
                if (documents[i] is EntityMetadataDocument { Suppressions.Count: 0 } metadata && readAgain is not null && options.StreamMaps)
                {
                    metadata.File.Text.Release(readAgain(i));
                }
            }
        });

        // A file of the service's records holds several documents: each gets a slot of its own after the files.
        var fromRecords = service.Where(d => d is not null).SelectMany(d => d!).ToList();
        if (fromRecords.Count > 0)
        {
            count += fromRecords.Count;
            Array.Resize(ref bags, count);
            Array.Resize(ref documents, count);
            Array.Resize(ref exports, count);
            Array.Resize(ref mapFiles, count);
            for (int k = 0; k < fromRecords.Count; k++)
            {
                documents[fileCount + k] = fromRecords[k];
                bags[fileCount + k] = new DiagnosticBag(fromRecords[k].File.DisplayPath, fromRecords[k].File.Text);
            }
        }

        Lap("read, and load documents other than maps");
        var config = options.Config;
        var notes = new List<string>();
        var analyzers = (options.Analyzers ?? AnalyzerCatalog.BuiltIn).Where(a => !a.SupportedDiagnostics.All(config.IsDisabled)).ToList();
        bool hasExports = exports.Any(e => e is not null);

        // Exports are converted for the entities the maps use, so with exports every map is loaded first and
        // kept whole; otherwise maps stream: loaded, checked by their own rules and compacted one by one.
        bool streaming = options.StreamMaps && !hasExports;
        SemanticModel? partial = null;
        KeyColumnIndex? keyColumns = null;
        List<(Analyzer Analyzer, AnalysisRegistration Registration)>? ownRules = null;
        if (!streaming)
        {
            Parallel.For(0, count, parallel, i =>
            {
                if (mapFiles[i] && bytesAt(i, bags[i]) is { } bytes)
                {
                    documents[i] = DocumentLoader.Load(fileAt(i), bytes, bags[i], sharing);
                }
            });
            var demand = MetadataDemand.From(documents.OfType<TableMap>().ToList());
            Parallel.For(0, count, parallel, i =>
            {
                if (exports[i] is { } bytes)
                {
                    documents[i] = DocumentLoader.Load(fileAt(i), bytes, bags[i], sharing, demand);
                }
            });
        }

        // Metadata is known now (it never depends on maps without exports): skip what needs it when there is none.
        if (!documents.OfType<EntityMetadataDocument>().Any())
        {
            var skipped = analyzers.Where(a => a.RequiresMetadata).ToList();
            if (skipped.Count > 0)
            {
                int rules = skipped.Sum(a => a.SupportedDiagnostics.Count);
                notes.Add($"{rules} metadata rules were skipped: the checked paths hold no entityMetadata documents.");
                analyzers = analyzers.Where(a => !a.RequiresMetadata).ToList();
            }
        }

        var registrations = analyzers.Select(a =>
        {
            var registration = new AnalysisRegistration();
            a.Initialize(registration);
            return (Analyzer: a, Registration: registration);
        }).ToList();

        if (streaming)
        {
            // Phase 2: each map is loaded, checked by the rules that need only it, metadata and connection sets,
            // and compacted before the next; only what rules spanning maps need stays in memory.
            partial = new SemanticModel(documents.Where(d => d is not null and not TableMap).ToList()!);
            keyColumns = new KeyColumnIndex();
            ownRules = registrations.Where(r => !r.Analyzer.RequiresAllMaps).ToList();
            Parallel.For(0, count, parallel, i =>
            {
                if (mapFiles[i] && bytesAt(i, bags[i]) is { } bytes)
                {
                    documents[i] = DocumentLoader.Load(fileAt(i), bytes, bags[i], sharing);
                }

                if (documents[i] is TableMap map)
                {
                    AnalyzeTableMap(map, partial, ownRules, bags[i]);
                    keyColumns.Add(map);
                    partial.Forget(map);
                    var flagged = bags[i].Diagnostics.Select(d => d.Location.Span).ToList();
                    map.Compact(m => m.Source is { IsLookup: true } || m.Destination is { IsLookup: true } || m.Suppressions.Count > 0
                        || flagged.Any(span => m.Span.Start <= span.Start && span.End <= m.Span.End));
                    if (readAgain is not null && i < fileCount)
                    {
                        map.File.Text.Release(readAgain(i));
                    }
                }
            });
        }

        Lap(streaming ? "load, check and compact each map" : "load maps and exports");
        var loaded = documents.OfType<MapLintDocument>().ToList();
        var model = new SemanticModel(loaded) { KeyColumns = keyColumns };
        var bagOf = new Dictionary<MapLintDocument, DiagnosticBag>(ReferenceIdentity.Instance);
        for (int i = 0; i < count; i++)
        {
            if (documents[i] is { } document)
            {
                bagOf[document] = bags[i];
            }
        }

        ReportDuplicateNames(loaded, bagOf);
        Lap("model and duplicate names");

        // Phase 3: rules spanning maps on every map (all rules when maps did not stream), then connection sets and projects.
        var remaining = streaming ? registrations.Where(r => r.Analyzer.RequiresAllMaps).ToList() : registrations;
        Parallel.ForEach(loaded, parallel, document =>
        {
            if (document is TableMap map)
            {
                AnalyzeTableMap(map, model, remaining, bagOf[document]);
            }
            else
            {
                Analyze(document, model, registrations, bagOf[document]);
            }
        });

        Lap("rules spanning maps (the sync graph), connection sets and projects");
        var diagnostics = new List<Diagnostic>();
        for (int i = 0; i < count; i++)
        {
            var configured = Configure(bags[i].Diagnostics, config);
            if (documents[i] is { } document)
            {
                var unused = new DiagnosticBag(bags[i].Path, bags[i].Text);
                configured = Suppressions.Apply(document, configured, config, unused);
                configured.AddRange(Configure(unused.Diagnostics, config));
            }

            diagnostics.AddRange(configured.Select(d => Readers.ServiceRecords.ServiceDocuments.Describe(documents[i], d.WithLogicalLocation(LogicalLocation(documents[i], d)))));
        }

        diagnostics.Sort(DiagnosticComparer.Instance);
        Lap("severities, suppressions and sorting");
        return new LintResult(diagnostics, fileCount, loaded.Count, notes, model) { Phases = phases };
    }

    private static void Analyze(MapLintDocument document, SemanticModel model, List<(Analyzer Analyzer, AnalysisRegistration Registration)> registrations, DiagnosticBag bag)
    {
        foreach (var (analyzer, registration) in registrations)
        {
            try
            {
                switch (document)
                {
                    case ConnectionSet set:
                        foreach (var action in registration.ConnectionSetActions)
                        {
                            action(new ConnectionSetAnalysisContext(model, set, bag));
                        }

                        break;
                    case Project project:
                        foreach (var action in registration.ProjectActions)
                        {
                            action(new ProjectAnalysisContext(model, project, bag));
                        }

                        break;
                }
            }
            catch (Exception ex)
            {
                // One broken analyzer must not hide the findings of the others: report it on the document and go on.
                string kind = document.Kind == DocumentKind.Project ? "project" : document.Kind == DocumentKind.ConnectionSet ? "connection set" : "document";
                bag.Add(EngineRules.ProjectAnalyzerException, document.NameSpan, "$.name", analyzer.Name, kind, ex.GetType().Name, ex.Message);
            }
        }
    }

    /// <summary>
    /// A map and each of its mappings get one context that every action shares (contexts hold no state of an
    /// action's own): a thousand maps of a hundred mappings made two million contexts when each action had its own.
    /// </summary>
    private static void AnalyzeTableMap(TableMap map, SemanticModel model, List<(Analyzer Analyzer, AnalysisRegistration Registration)> registrations, DiagnosticBag bag)
    {
        var mapContext = new TableMapAnalysisContext(model, map, bag);
        var failed = new bool[registrations.Count];
        for (int r = 0; r < registrations.Count; r++)
        {
            foreach (var action in registrations[r].Registration.TableMapActions)
            {
                Run(r, action, mapContext);
            }
        }

        foreach (var mapping in map.Mappings)
        {
            FieldMappingAnalysisContext? context = null;
            for (int r = 0; r < registrations.Count; r++)
            {
                foreach (var action in registrations[r].Registration.FieldMappingActions)
                {
                    Run(r, action, context ??= new FieldMappingAnalysisContext(model, mapping, bag));
                }
            }
        }

        // An analyzer that throws is reported once on the map and not run again on it, as before the sharing.
        void Run<TContext>(int r, Action<TContext> action, TContext context)
        {
            if (failed[r])
            {
                return;
            }

            try
            {
                action(context);
            }
            catch (Exception ex)
            {
                failed[r] = true;
                bag.Add(EngineRules.TableMapAnalyzerException, map.NameSpan, "$.name", registrations[r].Analyzer.Name, ex.GetType().Name, ex.Message);
            }
        }
    }

    /// <summary>Applies configured severities; findings of rules set to none are dropped.</summary>
    private static List<Diagnostic> Configure(IReadOnlyList<Diagnostic> diagnostics, MapLintConfig config)
    {
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            if (config.SeverityOf(diagnostic.Descriptor) is { } severity)
            {
                result.Add(severity == diagnostic.Severity ? diagnostic : diagnostic.WithSeverity(severity));
            }
        }

        return result;
    }

    /// <summary>
    /// A place that survives unrelated edits: the document's kind and name, then the mapping's two fields when
    /// the finding is inside a mapping, else the JSON path with array indexes removed.
    /// </summary>
    private static string LogicalLocation(MapLintDocument? document, Diagnostic diagnostic)
    {
        if (document is null)
        {
            return "file";
        }

        string owner = DocumentKinds.All.First(k => k.Kind == document.Kind).Name + ":" + document.Name;
        var span = diagnostic.Location.Span;
        if (document is TableMap map && map.Mappings.FirstOrDefault(m => m.Span.Start <= span.Start && span.End <= m.Span.End) is { } mapping)
        {
            return $"{owner}/mapping:{mapping.Source?.Text}|{mapping.Destination?.Text}";
        }

        return owner + "/" + ArrayIndex.Replace(diagnostic.JsonPath ?? "$", "[]");
    }

    private static readonly Regex ArrayIndex = new(@"\[\d+\]", RegexOptions.CultureInvariant);

    private static void ReportDuplicateNames(List<MapLintDocument> documents, Dictionary<MapLintDocument, DiagnosticBag> bagOf)
    {
        var groups = documents
            .Where(d => d.Kind != DocumentKind.EntityMetadata && d.Name.Length > 0)
            .GroupBy(d => (d.Kind, Name: d.Name.ToUpperInvariant(), (d as TableMap)?.Deployment))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(d => d.File.DisplayPath, StringComparer.Ordinal).ThenBy(d => d.NameSpan.Start).ToList();
            string kindName = DocumentKinds.All.First(k => k.Kind == group.Key.Kind).Name;
            foreach (var duplicate in ordered.Skip(1))
            {
                bagOf[duplicate].Add(DocumentRules.DuplicateName, duplicate.NameSpan, "$.name", kindName, duplicate.Name, ordered[0].File.DisplayPath);
            }
        }
    }
}
