using System.Security.Cryptography;
using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Metadata;
using MapLint.Model;
using MapLint.Semantics;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Engine;

/// <summary>
/// The engine: a workspace of files, each summarized on its own (read, bound, checked by the rules that need only
/// it, the metadata it uses and the connection sets), then the rules spanning documents on the summaries, then
/// severities, suppressions and sorting. One path for the CLI, hooks, builds and an editor: a changed file gets a
/// new summary and the rest are reused (<see cref="Update"/>), so an editor or a hook pays for what changed.
/// </summary>
public sealed partial class LintWorkspace
{
    private readonly LintOptions options;
    private readonly OverlaySource source;
    private readonly List<WorkspaceFile> files;
    private readonly Dictionary<string, int> indexOfPath = new(StringComparer.Ordinal);
    private DocumentSummary?[] summaries;
    private bool? hadMetadata;
    private DependencyIndex? dependencies;

    // The last workspace stage, which the next edit's starts from: each file's findings as reported, and the model.
    private List<Diagnostic>[]? finishedOf;
    private SemanticModel? lastModel;

    private LintWorkspace(IReadOnlyList<WorkspaceFile> files, LintOptions options, OverlaySource source)
    {
        this.options = options;
        this.source = source;
        this.files = [.. files];
        for (int i = 0; i < this.files.Count; i++)
        {
            indexOfPath.TryAdd(this.files[i].FullPath, i);
        }

        summaries = new DocumentSummary?[this.files.Count];
        Result = null!;
    }

    /// <summary>Opens and checks the files, read from <paramref name="source"/> (the disk when null).</summary>
    public static LintWorkspace Open(IReadOnlyList<WorkspaceFile> files, LintOptions? options = null, DocumentSource? source = null)
    {
        options ??= new LintOptions();
        var workspace = new LintWorkspace(files, options, new OverlaySource(source ?? DocumentSource.Disk(options.MaxFileBytes)));
        Timings.Mark("open the workspace (before the engine's laps)");
        if (!workspace.FromLastRun())
        {
            workspace.Analyze(Enumerable.Range(0, files.Count).ToHashSet());
            workspace.KeepLastRun();
        }

        bool saved = options.Cache?.Save() ?? false;
        if (Timings.Enabled && options.Cache is { } cache)
        {
            Timings.Mark($"cache {(saved ? "written" : "left as it was")} (maps {cache.Hits} from it, {cache.Misses} checked; stamps {cache.StampHits}; metadata files {cache.MetadataHits}, definitions {cache.DefinitionHits} from it)");
        }
        return workspace;
    }

    /// <summary>How the last result was made: by the engine on every file, from the last run's report, or by an edit of it (tests, timings).</summary>
    internal string MadeBy { get; private set; } = "engine";

    // Set while the result is the last run's record: nothing was summarized, and anything that needs the
    // summaries (the dependency index, an edit, the model) runs the engine first.
    private LastRun? lastRun;

    /// <summary>
    /// The last run's report, when every file, the configuration and the MapLint build are as that run found them
    /// (the cache's <c>lastrun.bin</c>; see <see cref="LastRun"/>).
    /// </summary>
    private bool FromLastRun()
    {
        if (UsableCache is not { } cache || cache.ReadLastRun() is not { } bytes)
        {
            return false;
        }

        runStartNs = NowNs();
        string key = RunKey;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        if (LastRun.Read(bytes, key, files, source) is not { } record
            || record.Changed(files, source, runStartNs, parallel, Math.Max(16, files.Count / 16), out bool restamped) is not { } changed)
        {
            return false;
        }

        Timings.Mark($"the last run's report read, every file's stamp compared ({changed.Count} changed)");
        if (changed.Count > 0)
        {
            return FromAnEdit(record, changed, cache);
        }

        if (restamped)
        {
            cache.SaveLastRun(record.Write());
        }

        lastRun = record;
        MadeBy = "last run";
        cache.LastRunUse = "report";
        Result = record.ToResult(() =>
        {
            CatchUp();
            return Result;
        });
        Timings.Mark("the last run's report: every file and the configuration as it read them");
        return true;
    }

    /// <summary>Runs the engine when the result so far is the last run's record.</summary>
    private void CatchUp()
    {
        if (lastRun is null)
        {
            return;
        }

        lastRun = null;
        MadeBy = "engine";
        Analyze(Enumerable.Range(0, files.Count).ToHashSet());
        KeepLastRun();
        options.Cache?.Save();
    }

    /// <summary>Keeps this run's report for the next run, or drops the old one when this report cannot be kept exactly.</summary>
    private void KeepLastRun()
    {
        if (UsableCache is { } cache && finishedOf is { } finished && lastModel is { } model)
        {
            // Exports are converted for the entities the maps use: an edit of a map can change what they hold.
            var stage = summaries.Any(s => s is null or { IsMetadataExport: true }) ? null : StageFacts.Of(summaries!, model);
            var record = LastRun.Of(RunKey, files, summaries!, stampOf, finished, Result, source, stage);
            cache.SaveLastRun(record?.Write());
            Timings.Mark("the report kept for the next run");
        }
    }

    // The last run's record key, made once: it reads every configuration file the run reads.
    private string RunKey => runKey ??= LastRun.KeyOf(options, Inputs);

    private string? runKey;

    private static long NowNs() => (DateTime.UtcNow - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Ticks * 100;

    // The stamp each file had before this run read it, when it had settled (see LastRun.Settled).
    private FileStamp?[] stampOf = [];

    /// <summary>Opens documents held in memory (tests, editors): path and UTF-8 content; nothing is read from disk.</summary>
    public static LintWorkspace Open(IReadOnlyList<(string Path, byte[] Content)> documents, LintOptions? options = null)
    {
        var files = documents.Select(d => new WorkspaceFile(d.Path, d.Path)).ToList();
        var memory = new MemorySource(files.Select((f, i) => (f, documents[i].Content)));
        var workspace = new LintWorkspace(files, options ?? new LintOptions(), new OverlaySource(memory));
        workspace.Analyze(Enumerable.Range(0, files.Count).ToHashSet());
        return workspace;
    }

    /// <summary>The findings of the workspace as it is now.</summary>
    public LintResult Result { get; private set; }

    public IReadOnlyList<WorkspaceFile> Files => files;

    /// <summary>Summaries in file order (one per file).</summary>
    public IReadOnlyList<DocumentSummary> Summaries
    {
        get
        {
            CatchUp();
            return summaries!;
        }
    }

    public LintOptions Options => options;

    /// <summary>Which files' findings depend on which files (metadata, connection sets, maps they look up, configuration).</summary>
    // (What it answers from the summaries runs the engine first when the result is the last run's report.)
    public DependencyIndex Dependencies => dependencies ??= new DependencyIndex(this);

    /// <summary>
    /// The dependents of changed map files from the last run's record, when the result is that report (or an edit
    /// of it) and every path is a file of MapLint maps in it; null otherwise (the summaries answer).
    /// </summary>
    internal IReadOnlyList<WorkspaceFile>? RecordedDependentsOf(IReadOnlyList<string> fullPaths)
    {
        if (lastRun?.Stage is not { } stage)
        {
            return null;
        }

        var changed = new List<int>(fullPaths.Count);
        foreach (var path in fullPaths)
        {
            if (!indexOfPath.TryGetValue(path, out int i) || !stage.Files[i].PlainMaps)
            {
                return null;
            }

            changed.Add(i);
        }

        return stage.DependentsOfMaps(changed).Select(i => files[i]).ToList();
    }

    /// <summary>The exact files a run reads: the documents, maplint.json, the .editorconfig files and the metadata globs.</summary>
    // (Made once per set of files: each .editorconfig above each folder is looked for, and the dependency index
    // and a hook ask for it on every refresh.)
    public RunInputs Inputs => inputs ??= RunInputs.For(options.Config, files);

    private RunInputs? inputs;

    public WorkspaceFile? FindFile(string fullPath) => indexOfPath.TryGetValue(fullPath, out int i) ? files[i] : null;

    /// <summary>
    /// A document's text changed (an editor's buffer; <paramref name="content"/> null: read the file again): the
    /// file and the documents whose findings depend on it are checked again, the other summaries reused. A path
    /// not in the workspace is added to it.
    /// </summary>
    public WorkspaceUpdate Update(string fullPath, byte[]? content)
    {
        if (content is null)
        {
            source.Clear(fullPath);
        }
        else
        {
            source.Set(fullPath, content);
        }

        return Refresh([fullPath]);
    }

    /// <summary>Files changed on disk (or in the overlay): they and their dependents are checked again.</summary>
    public WorkspaceUpdate Refresh(IReadOnlyCollection<string> changedFullPaths)
    {
        CatchUp();
        foreach (var path in changedFullPaths)
        {
            if (!indexOfPath.ContainsKey(path))
            {
                indexOfPath[path] = files.Count;
                files.Add(new WorkspaceFile(path, options.DisplayPath?.Invoke(path) ?? path));
                Array.Resize(ref summaries, files.Count);
                inputs = null;
            }
        }

        var before = Result;
        var changed = Dependencies.ToSummarizeAgain(changedFullPaths).Select(f => indexOfPath[f.FullPath]).ToHashSet();
        foreach (var path in changedFullPaths)
        {
            changed.Add(indexOfPath[path]);
        }

        Analyze(changed);
        var paths = changed.Select(i => files[i].DisplayPath).ToHashSet(StringComparer.Ordinal);
        return new WorkspaceUpdate(Result, WorkspaceUpdate.Differences(before, Result, paths));
    }

    /// <summary>
    /// Summarizes the files in <paramref name="changed"/> again (all of them on opening) and runs the workspace
    /// stages on every summary. Maps are checked as soon as the metadata is complete: at once when there are no
    /// metadata exports, else once every map is bound (exports are converted for the entities the maps use).
    /// </summary>
    private void Analyze(HashSet<int> changed)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        runStartNs = NowNs();
        var phases = new List<(string Phase, TimeSpan Elapsed)>();
        void Lap(string phase)
        {
            phases.Add((phase, clock.Elapsed));
            Timings.Mark("  " + phase);
            clock.Restart();
        }

        int count = files.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        var sharing = options.Config.CrossCompanyDataSharing;
        var pending = new PendingFile?[count];

        // Exports are converted for the maps' entities: when a map or an export changes, every export is read again.
        bool exportsStale = changed.Count < count && changed.Any(i => summaries[i] is null || summaries[i]!.IsMetadataExport || summaries[i]!.TableMaps.Any())
            && summaries.Any(s => s is { IsMetadataExport: true });
        if (exportsStale)
        {
            changed.UnionWith(Enumerable.Range(0, count).Where(i => summaries[i] is { IsMetadataExport: true }));
        }

        // An edit (some files, the rest as they were): their summaries before, for the workspace stage to compare.
        var before = finishedOf?.Length == count && changed.Count < count ? changed.ToDictionary(i => i, i => summaries[i]) : null;
        var order = changed.Order().ToArray();

        // Stage 1: every changed file but the table maps, which only say that they are maps (from their first bytes
        // when they come from disk); metadata exports wait, so they can be converted for the maps alone.
        Parallel.ForEach(order, parallel, i => pending[i] = ReadAndLoadOthers(files[i], sharing));
        if (stampOf.Length != count)
        {
            Array.Resize(ref stampOf, count);
        }

        foreach (int i in order)
        {
            stampOf[i] = LastRun.Settled(pending[i]!.Stamp, runStartNs) ? pending[i]!.Stamp : null;
        }
        foreach (int i in order)
        {
            if (pending[i] is { Summary: { } done })
            {
                summaries[i] = done;
            }
        }

        // An entity defined in two metadata files is compared across them (DIPV2014) and joined from both: a file
        // known only by its names from the cache is loaded whole when it shares a name with another file.
        var definers = new Dictionary<(string, string), int>(PairIgnoreCase.Instance);
        for (int i = 0; i < count; i++)
        {
            // (Files of the service's records loaded with the maps hold metadata too: a project's environments.)
            var summary = summaries[i];
            var documents = pending[i] is { Loaded: true } records ? records.Documents : summary?.Documents ?? [];
            var names = summary?.Metadata is { } d ? d.EntityNames.Select(n => (d.App, n)).Distinct(PairIgnoreCase.Instance)
                : documents.OfType<EntityMetadataDocument>().SelectMany(m => m.Entities.Select(e => (m.App, e.Name)).Distinct(PairIgnoreCase.Instance));
            foreach (var name in names)
            {
                definers[name] = definers.GetValueOrDefault(name) + 1;
            }
        }

        foreach (int i in Enumerable.Range(0, count).Where(i => summaries[i]?.Metadata is { } d && d.EntityNames.Any(n => definers[(d.App, n)] > 1)).ToList())
        {
            changed.Add(i);
            pending[i] = ReadAndLoadOthers(files[i], sharing, useCache: false);
            summaries[i] = pending[i]!.Summary;
        }

        order = changed.Order().ToArray();
        Lap("read, and load documents other than maps");
        bool hasExports = Enumerable.Range(0, count).Any(i => pending[i] is { ExportBytes: not null } || (!changed.Contains(i) && summaries[i] is { IsMetadataExport: true }));
        var knownSummaries = Enumerable.Range(0, count).Where(i => (!changed.Contains(i) || pending[i]?.Summary is not null) && summaries[i] is not null).Select(i => summaries[i]!).ToList();
        var nonMaps = knownSummaries.SelectMany(s => s.Documents).Where(d => d is not TableMap).ToList();
        var metadataParts = MetadataParts(knownSummaries);
        bool hasMetadata = metadataParts.Count > 0 || hasExports;
        if (hadMetadata is { } had && had != hasMetadata && changed.Count < count)
        {
            // Whether rules needing metadata run at all changed: every map is checked again.
            hadMetadata = null;
            Analyze(Enumerable.Range(0, count).ToHashSet());
            return;
        }

        // The cache is keyed by the content, the configuration and what the map used of the metadata files and
        // connection sets, which are all known now (exports by their bytes).
        var cache = UsableCache;
        var keys = cache is null ? null : new CacheKeys(
            options,
            hasMetadata,
            Enumerable.Range(0, count).Where(i => summaries[i] is { } s && !s.TableMaps.Any() && (!changed.Contains(i) || pending[i]?.Summary is not null)).Select(i => summaries[i]!),
            Enumerable.Range(0, count).Select(i => pending[i] is { ExportBytes: not null } e ? (files[i].FullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Apps.Dataverse : Apps.FinanceAndOperations, e.Hash)
                : !changed.Contains(i) && summaries[i] is { IsMetadataExport: true } s ? (s.Documents.OfType<EntityMetadataDocument>().FirstOrDefault()?.App ?? string.Empty, s.ContentHash) : default)
                .Where(e => e.Item2 is not null));

        // Stage 2: each changed map is loaded; checked and compacted at once when the metadata is complete.
        var ownRules = default(List<(Analyzer Analyzer, AnalysisRegistration Registration)>);
        var notes = new List<string>();
        var registrations = default(List<(Analyzer Analyzer, AnalysisRegistration Registration)>);
        SemanticModel? partial = null;
        if (!hasExports)
        {
            (registrations, notes) = Registrations(hasMetadata);
            ownRules = registrations.Where(r => !r.Analyzer.RequiresAllMaps).ToList();
            partial = new SemanticModel(nonMaps, metadataParts);
        }

        Parallel.ForEach(order, parallel, i =>
        {
            if (pending[i] is { IsMap: true } map)
            {
                byte[]? bytes = null;
                if (!map.Loaded)
                {
                    // A map known by its stamp is read only if its entry cannot be used.
                    bool unread = map.Bytes is null && map.Stamped && keys is not null;
                    bytes = map.Bytes ?? (unread ? null : source.Read(files[i], map.Bag));
                    if ((bytes is not null || map.Stamped) && keys is not null && !map.Records && Restore(files[i], bytes, map, cache!, keys) is { } restored)
                    {
                        summaries[i] = restored;
                        map.Documents = restored.Documents;
                        map.Restored = true;
                        RememberStamp(files[i], map, StampedMap);
                        return;
                    }

                    if (unread)
                    {
                        bytes = source.Read(files[i], map.Bag);
                    }

                    map.Documents = Load(files[i], bytes, map, sharing, null);
                }

                if (partial is not null)
                {
                    summaries[i] = Remember(CheckOwn(files[i], map, partial, ownRules!), map, bytes is not null && !map.Records, cache, keys);
                }
            }
        });

        if (hasExports)
        {
            Lap("load maps");
            var maps = Enumerable.Range(0, count)
                .SelectMany(i => changed.Contains(i) ? (IEnumerable<MapLintDocument>?)pending[i]?.Documents ?? [] : summaries[i]?.Documents ?? [])
                .OfType<TableMap>()
                .ToList();
            var demand = MetadataDemand.From(maps);
            Parallel.ForEach(order, parallel, i =>
            {
                if (pending[i] is { ExportBytes: { } bytes } export)
                {
                    var document = DocumentLoader.Load(files[i], bytes, export.Bag, sharing, demand);

                    // The export's own text places its findings (and DIPV2014's, later): it is read again when needed.
                    if (options.StreamMaps && source.Reread(files[i]) is { } reread)
                    {
                        export.Bag.Text?.Release(reread);
                    }
                    summaries[i] = new DocumentSummary(files[i], export.Hash, export.Bag.Text, document is null ? [] : [document], export.Bag.Diagnostics, MetadataUse.None, true, []) { Omitted = export.Bag.Omitted };
                }
            });

            var others = Enumerable.Range(0, count).Where(i => summaries[i] is not null && (!changed.Contains(i) || pending[i] is not { IsMap: true })).Select(i => summaries[i]!).ToList();
            nonMaps = others.SelectMany(s => s.Documents).Where(d => d is not TableMap).ToList();
            (registrations, notes) = Registrations(true);
            ownRules = registrations.Where(r => !r.Analyzer.RequiresAllMaps).ToList();
            partial = new SemanticModel(nonMaps, MetadataParts(others));
            Parallel.ForEach(order, parallel, i =>
            {
                if (pending[i] is { IsMap: true, Restored: false } map)
                {
                    summaries[i] = Remember(CheckOwn(files[i], map, partial, ownRules), map, !map.Loaded && !map.Records && map.Hash.Length > 0, cache, keys);
                }
            });
        }

        hadMetadata = hasMetadata;
        dependencies = null;
        Lap(hasExports ? "load exports, check and compact each map" : "load, check and compact each map");
        Result = Workspace(registrations!, notes, phases, Lap, before);
    }

    private (List<(Analyzer Analyzer, AnalysisRegistration Registration)> Registrations, List<string> Notes) Registrations(bool hasMetadata)
    {
        var config = options.Config;
        var notes = new List<string>();
        // A rule is off everywhere only if no .editorconfig of any file turns it on again: read them all first.
        config.EditorConfig?.Prepare(files.Select(f => f.FullPath));
        var analyzers = (options.Analyzers ?? AnalyzerCatalog.BuiltIn).Where(a => !a.SupportedDiagnostics.All(config.IsDisabled)).ToList();

        // Skip what needs metadata when there is none, and say so once.
        if (!hasMetadata)
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
        return (registrations, notes);
    }

    /// <summary>A changed file between the stages: its bag, and what waits (a map to bind, an export to convert).</summary>
    private sealed class PendingFile(DiagnosticBag bag)
    {
        public DiagnosticBag Bag { get; } = bag;

        public DocumentSummary? Summary { get; set; }

        public bool IsMap { get; set; }

        /// <summary>The map's summary came from the cache.</summary>
        public bool Restored { get; set; }

        public byte[]? Bytes { get; set; }

        public byte[]? ExportBytes { get; set; }

        public string Hash { get; set; } = string.Empty;

        /// <summary>The file's stamp before it was read (disk only), recorded in the cache with its hash.</summary>
        public Util.FileStamp? Stamp { get; set; }

        /// <summary>The hash came from the cache's record of an unchanged stamp: the file was not read.</summary>
        public bool Stamped { get; set; }

        public IReadOnlyList<MapLintDocument> Documents { get; set; } = [];

        /// <summary>True when <see cref="Documents"/> were loaded in stage 1 (a file of the service's records).</summary>
        public bool Loaded { get; set; }

        /// <summary>
        /// A file of the service's records (a Web API export, Customizations.xml, a solution .zip): loaded with the
        /// maps but never read from or written to the summary cache, whose entries do not keep what a record's
        /// findings carry (the map and field mapping they are about).
        /// </summary>
        public bool Records { get; set; }
    }

    private PendingFile ReadAndLoadOthers(WorkspaceFile file, IReadOnlyCollection<string> sharing, bool useCache = true)
    {
        // The stamp before the read: the last run's record and the stamp index may stand for what is read now.
        var pending = new PendingFile(new DiagnosticBag(file.DisplayPath, null) { CapsFindings = true }) { Stamp = UsableCache is null ? null : source.Stamp(file) };
        if (BusinessCentral.AlFileReader.IsAlFile(file.FullPath))
        {
            // AL code: read on its own here; its rules run across all AL files in the workspace stage.
            var code = source.Read(file, pending.Bag);
            var al = code is null ? null : BusinessCentral.AlFileReader.Read(file.DisplayPath, code, pending.Bag);
            pending.Summary = new DocumentSummary(file, code is null ? string.Empty : Hash(code), pending.Bag.Text, [], pending.Bag.Diagnostics, MetadataUse.None, false, []) { Al = al, Omitted = pending.Bag.Omitted };
            return pending;
        }

        var stampCache = useCache ? UsableCache : null;
        if (stampCache is not null && pending.Stamp is { } stamp)
        {
            // Unchanged since the cache saw it (git's stat check): its hash is known without reading it.
            if (stampCache.FindByStamp(file.FullPath, stamp) is { } known)
            {
                pending.Hash = known.Hash;
                if (known.Kind == StampedMap)
                {
                    pending.IsMap = true;
                    pending.Stamped = true;
                    return pending;
                }

                if (known.Kind == StampedMetadata && RestoreMetadata(file, CacheKeys.MetadataEntryKey(options, file, known.Hash), stampCache, sharing) is { } restored)
                {
                    pending.Summary = new DocumentSummary(file, known.Hash, null, [], [], MetadataUse.None, false, []) { Metadata = restored };
                    return pending;
                }
            }
        }

        if (source.ReadPrefix(file) is { } prefix && ReaderBinding.PeekKind(prefix, complete: false) == "tableMap" && !DocumentLoader.IsMetadataExport(file, prefix))
        {
            pending.IsMap = true;
            return pending;
        }

        if (source.Read(file, pending.Bag) is not { } bytes)
        {
            pending.Summary = new DocumentSummary(file, string.Empty, null, [], pending.Bag.Diagnostics, MetadataUse.None, false, []) { Omitted = pending.Bag.Omitted };
            return pending;
        }

        if (DocumentLoader.IsMetadataExport(file, bytes))
        {
            pending.ExportBytes = bytes;
            pending.Hash = Hash(bytes);
        }
        else if (DocumentLoader.LooksLikeTableMap(bytes) && !Readers.ServiceRecords.ServiceDocuments.HoldsMapRecords(file.FullPath, bytes))
        {
            pending.IsMap = true;
            pending.Bytes = bytes;
            pending.Records = !DocumentLoader.LooksLikeTableMap(bytes);
        }
        else if (Readers.ServiceRecords.ServiceDocuments.HoldsMapRecords(file.FullPath, bytes))
        {
            // Maps only (a Web API export, a solution): bound in stage 2 like the maps, each file checked and
            // compacted as soon as it is bound, rather than every record's full tree held until stage 2.
            pending.IsMap = true;
            pending.Bytes = bytes;
            pending.Records = true;
        }
        else
        {
            var cache = useCache ? UsableCache : null;
            string? metadataKey = null;
            if (cache is not null)
            {
                pending.Hash = Hash(bytes);
                metadataKey = CacheKeys.MetadataEntryKey(options, file, pending.Hash);
                if (RestoreMetadata(file, metadataKey, cache, sharing) is { } deferred)
                {
                    RememberStamp(file, pending, StampedMetadata);
                    pending.Summary = new DocumentSummary(file, pending.Hash, null, [], [], MetadataUse.None, false, []) { Metadata = deferred };
                    return pending;
                }
            }

            var documents = Load(file, bytes, pending, sharing, null);
            if (documents.Any(d => d is TableMap) || Readers.ServiceRecords.ServiceDocuments.HoldsMapRecords(file.FullPath, bytes))
            {
                // The service's records hold table maps beside other documents: they are checked as maps are, but
                // never cached (SummaryCodec keeps only MapLint maps: no deployment, records or other documents).
                pending.IsMap = true;
                pending.Loaded = true;
                pending.Documents = documents;
                return pending;
            }

            // Metadata is bound and no rule reports into it later: its text can go (see SourceText.Release).
            if (options.StreamMaps && source.Reread(file) is { } reread)
            {
                foreach (var metadata in documents.OfType<EntityMetadataDocument>().Where(m => m.Suppressions.Count == 0))
                {
                    metadata.File.Text.Release(reread);
                }
            }

            // A clean metadata document (no findings, no suppressions: nothing of it is reported) is remembered by
            // what it defines; the next run reads its definitions only if a changed map asks for them.
            if (metadataKey is not null && documents is [EntityMetadataDocument { Suppressions.Count: 0 } clean] && pending.Bag.Diagnostics.Count == 0 && pending.Bag.Omitted.Count == 0
                && clean.File.DisplayPath == file.DisplayPath)
            {
                cache!.PutMetadata(metadataKey, SummaryCodec.WriteMetadata(clean), () => SummaryCodec.WriteDefinitions(clean));
                RememberStamp(file, pending, StampedMetadata);
            }

            pending.Summary = new DocumentSummary(file, pending.Hash, pending.Bag.Text, documents, pending.Bag.Diagnostics, MetadataUse.None, false, []) { Omitted = pending.Bag.Omitted };
        }

        return pending;
    }

    private const byte StampedMap = 1;
    private const byte StampedMetadata = 2;

    /// <summary>
    /// Records the stamp the file had before it was read with its hash, so the next run need not read it. Only
    /// for a file last changed well before this run began: one written in the same instant as it was read could
    /// change again without its times moving (git's "racy clean" case).
    /// </summary>
    private void RememberStamp(WorkspaceFile file, PendingFile pending, byte kind)
    {
        if (UsableCache is { } cache && !pending.Stamped && pending.Stamp is { } stamp && pending.Hash.Length == 64 && LastRun.Settled(stamp, runStartNs))
        {
            cache.PutStamp(file.FullPath, stamp, pending.Hash, kind);
        }
    }

    private long runStartNs;

    /// <summary>The cache, when this run may use it (the built-in rules, maps streamed).</summary>
    private SummaryCache? UsableCache => options.StreamMaps && options.Analyzers is null ? options.Cache : null;

    /// <summary>A metadata file known from its entry; its document is loaded (from the file as it is then) on first use.</summary>
    private DeferredMetadata? RestoreMetadata(WorkspaceFile file, string key, SummaryCache cache, IReadOnlyCollection<string> sharing)
    {
        if (cache.FindMetadata(key) is not { } payload)
        {
            return null;
        }

        try
        {
            DeferredMetadata? deferred = null;
            var standIn = new Lazy<EntityMetadataDocument>(() => EntityMetadataDocument.StandIn(file.FullPath, file.DisplayPath, deferred!.App));
            deferred = SummaryCodec.ReadMetadata(payload, file, entity => CachedDefinitions(key, entity, cache, standIn) ?? LoadMetadata(file, sharing, entity)?.Entities ?? []);
            return deferred;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            // An entry that does not read back is not trusted: the file is loaded and the entry replaced.
            cache.RejectMetadata(key);
            return null;
        }
    }

    /// <summary>One entity's definitions from the cache's copy of a metadata file's definitions, when it has them.</summary>
    private static List<EntityDefinition>? CachedDefinitions(string key, string entity, SummaryCache cache, Lazy<EntityMetadataDocument> standIn)
    {
        if (cache.FindDefinitions(key, entity) is not { } bytes)
        {
            return null;
        }

        try
        {
            return SummaryCodec.ReadDefinitions(bytes, standIn.Value);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            cache.RejectDefinitions(key);
            return null;
        }
    }

    /// <summary>
    /// A cached metadata file read for one entity: bound straight from the reader with the other entities skipped
    /// (the file was clean when cached); the whole document when the reader path gives up (it changed since).
    /// </summary>
    private EntityMetadataDocument? LoadMetadata(WorkspaceFile file, IReadOnlyCollection<string> sharing, string entity)
    {
        var clock = Timings.Enabled ? System.Diagnostics.Stopwatch.StartNew() : null;
        var bag = new DiagnosticBag(file.DisplayPath, null);
        if (source.Read(file, bag) is not { } bytes)
        {
            return null;
        }

        var metadata = Syntax.SourceDecoder.Decode(bytes, bag) is { } text
            && DocumentLoader.LoadFromReader(file, text, new DiagnosticBag(file.DisplayPath, text), "entityMetadata", name => string.Equals(name, entity, StringComparison.OrdinalIgnoreCase)) is EntityMetadataDocument one
            ? one
            : DocumentLoader.LoadDocuments(file, bytes, bag, sharing, null).OfType<EntityMetadataDocument>().FirstOrDefault();
        if (metadata is not null && options.StreamMaps && source.Reread(file) is { } reread)
        {
            metadata.File.Text.Release(reread);
        }

        if (clock is not null)
        {
            Timings.Add($"(within) {file.DisplayPath} read for the entity {entity}", clock.Elapsed);
        }

        return metadata;
    }

    /// <summary>The metadata of the summaries in file order: loaded documents, and files known from the cache by their names.</summary>
    private static List<MetadataPart> MetadataParts(IEnumerable<DocumentSummary> summaries)
    {
        var parts = new List<MetadataPart>();
        foreach (var summary in summaries)
        {
            if (summary.Metadata is { } deferred)
            {
                parts.Add(new MetadataPart(null, deferred));
            }

            foreach (var document in summary.Documents.OfType<EntityMetadataDocument>())
            {
                parts.Add(new MetadataPart(document, null));
            }
        }

        return parts;
    }

    private static IReadOnlyList<MapLintDocument> Load(WorkspaceFile file, byte[]? bytes, PendingFile pending, IReadOnlyCollection<string> sharing, MetadataDemand? demand)
    {
        if (bytes is null)
        {
            return [];
        }

        pending.Hash = Hash(bytes);
        return DocumentLoader.LoadDocuments(file, bytes, pending.Bag, sharing, demand);
    }

    /// <summary>The map's summary from the cache, when its entry is there and what it used is unchanged.</summary>
    private DocumentSummary? Restore(WorkspaceFile file, byte[]? bytes, PendingFile pending, SummaryCache cache, CacheKeys keys)
    {
        if (bytes is not null)
        {
            pending.Hash = Hash(bytes);
        }

        if (cache.Find(keys.EntryKey(pending.Hash)) is not { } payload)
        {
            return null;
        }

        DocumentSummary? summary = null;
        try
        {
            var (uses, dependencies) = SummaryCodec.ReadHead(payload);
            if (dependencies == keys.Dependencies(uses))
            {
                // From the disk, the text is the entry's line table, its bytes read again only to show a line; held
                // in memory (an editor, tests), it is decoded from the bytes at hand.
                var readAgain = source.Reread(file);
                var given = readAgain is null && bytes is not null ? Syntax.SourceDecoder.Decode(bytes, new DiagnosticBag(file.DisplayPath, null)) : null;
                summary = readAgain is null && given is null ? null : SummaryCodec.Read(payload, file, pending.Hash, given, readAgain);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException or InvalidCastException)
        {
            // An entry that does not read back is not trusted: the file is checked again and the entry replaced.
            summary = null;
        }

        if (summary is null)
        {
            cache.Reject();
            return null;
        }

        if (source.Reread(file) is { } reread)
        {
            summary.Text!.Release(reread);
        }

        return summary;
    }

    private DocumentSummary Remember(DocumentSummary summary, PendingFile pending, bool read, SummaryCache? cache, CacheKeys? keys)
    {
        // The cache keeps created findings only: a file over the findings cap is checked again each time.
        if (cache is not null && keys is not null && read && summary.Text is not null && summary.Omitted.Count == 0)
        {
            cache.Put(keys.EntryKey(summary.ContentHash), SummaryCodec.Write(summary, keys.Dependencies(summary.Uses)));
            RememberStamp(summary.File, pending, StampedMap);
        }

        return summary;
    }

    /// <summary>A map's own rules (those that read no other map) with what it used of the metadata recorded; then it is compacted.</summary>
    private DocumentSummary CheckOwn(WorkspaceFile file, PendingFile pending, SemanticModel partial, List<(Analyzer Analyzer, AnalysisRegistration Registration)> ownRules)
    {
        var bag = pending.Bag;
        var columns = new List<MapColumns>();
        MetadataUse uses;
        using (var recorder = MetadataUse.Record())
        {
            foreach (var map in pending.Documents.OfType<TableMap>())
            {
                partial.Resolve(map);
                RuleRunner.AnalyzeTableMap(map, partial, ownRules, bag);
                partial.KeepSpanningMetadata(map);
            }

            uses = recorder.ToUse();
        }

        foreach (var map in pending.Documents.OfType<TableMap>())
        {
            columns.Add(MapColumns.Of(map));
            partial.Forget(map);
            if (options.StreamMaps)
            {
                // Keep what rules spanning maps, suppressions and logical locations need: lookups, suppressed or flagged mappings.
                // (Each finding finds its mapping by binary search: linear in findings, not mappings × findings.)
                var flagged = new HashSet<FieldMapping>(Util.ReferenceIdentity.Instance);
                foreach (var diagnostic in bag.Diagnostics)
                {
                    if (RuleRunner.MappingAt(map.Mappings, diagnostic.Location.Span) is { } owner)
                    {
                        flagged.Add(owner);
                    }
                }

                map.Compact(m => m.Source is { IsLookup: true } || m.Destination is { IsLookup: true } || m.Suppressions.Count > 0 || flagged.Contains(m));
                // Text read out of an archive entry cannot be read again from the file: it stays.
                if (map.File.DisplayPath == file.DisplayPath && source.Reread(file) is { } reread)
                {
                    map.File.Text.Release(reread);
                }
            }
        }

        return new DocumentSummary(file, pending.Hash, bag.Text, pending.Documents, bag.Diagnostics, uses, false, columns) { Omitted = bag.Omitted };
    }

    /// <summary>
    /// The workspace stages, on every summary: duplicate names, the rules spanning maps (the sync graph), the
    /// connection-set and project rules; then severities, suppressions, logical locations and sorting.
    /// </summary>
    private LintResult Workspace(List<(Analyzer Analyzer, AnalysisRegistration Registration)> registrations, List<string> notes, List<(string Phase, TimeSpan Elapsed)> phases, Action<string> lap, Dictionary<int, DocumentSummary?>? before)
    {
        int count = files.Count;
        var all = summaries.Select(s => s!).ToList();
        var loaded = all.SelectMany(s => s.Documents).ToList();
        // Built only if a lookup needs it (one that neither metadata nor naming resolves).
        KeyColumnIndex KeyColumns()
        {
            var keyColumns = new KeyColumnIndex();
            foreach (var columns in all.SelectMany(s => s.Columns))
            {
                columns.AddTo(keyColumns);
            }

            return keyColumns;
        }

        // An edit that leaves what other maps are checked against as it was re-checks the files it concerns, on
        // the sync graph of the last run with its maps replaced; every other file's findings are the last run's.
        var replacing = before is null || lastModel is null ? null : IncrementalStage.Replacements(before, all, lastModel.SyncGraph);
        var model = replacing is not null
            // The key-column index answers only for the columns lookups ask about, which the edit left alone.
            ? new SemanticModel(loaded, MetadataParts(all)) { KeyColumns = lastModel!.KeyColumns, PreviousGraph = lastModel.SyncGraph, Replacing = replacing }
            : new SemanticModel(loaded, MetadataParts(all)) { KeyColumns = givenKeyColumns ?? KeyColumns };
        var affected = replacing is null ? null : IncrementalStage.Affected(before!, replacing, all, lastModel!.SyncGraph, model);
        lap(affected is null ? "model" : "model, sync graph and the files the edit concerns");
        // A file's documents report at their own path (an archive entry's documents at the entry's).
        var crossBags = all.Select(s => new DiagnosticBag(s.Documents.Count > 0 ? s.Documents[0].File.DisplayPath : s.File.DisplayPath, s.Text) { CapsFindings = true }).ToArray();
        var bagOf = new Dictionary<MapLintDocument, DiagnosticBag>(Util.ReferenceIdentity.Instance);
        for (int i = 0; i < count; i++)
        {
            foreach (var document in all[i].Documents)
            {
                bagOf[document] = crossBags[i];
            }
        }

        RuleRunner.ReportDuplicateNames(loaded, bagOf);
        if (!options.Config.IsDisabled(Analyzers.Metadata.DIPV2014ConflictingEntityDefinitions.Descriptor))
        {
            Analyzers.Metadata.DIPV2014ConflictingEntityDefinitions.Report(loaded.OfType<EntityMetadataDocument>(), bagOf);
        }

        lap("duplicate names");

        var spanning = registrations.Where(r => r.Analyzer.RequiresAllMaps).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        // In parallel over files, in order within one: the documents of a file share its bag, which is not thread-safe.
        Parallel.For(0, count, parallel, i =>
        {
            if (affected is not null && !affected[i])
            {
                return;
            }

            foreach (var document in all[i].Documents)
            {
                if (document is TableMap map)
                {
                    RuleRunner.AnalyzeTableMap(map, model, spanning, bagOf[document]);
                }
                else
                {
                    RuleRunner.Analyze(document, model, registrations, bagOf[document]);
                }
            }
        });

        lap(affected is null
            ? "rules spanning maps (the sync graph), connection sets and projects"
            : $"rules spanning maps (the sync graph), connection sets and projects, on {affected.Count(a => a)} of {count} files");
        var alFiles = all.Select(s => s.Al).ToArray();
        var businessCentral = BusinessCentral.BusinessCentralApp.Build(alFiles.OfType<BusinessCentral.AlFile>().ToList());
        BusinessCentralAnalysis.Run(businessCentral, model, registrations, BusinessCentralAnalysis.Bags(alFiles, crossBags));
        lap("Business Central mappings");
        var diagnostics = new List<Diagnostic>();
        var finished = new List<Diagnostic>[count];
        for (int i = 0; i < count; i++)
        {
            if (affected is not null && !affected[i])
            {
                finished[i] = finishedOf![i];
            }
            else
            {
                var tallies = new List<OmittedTally>();
                var findings = RuleRunner.Finish(all[i], crossBags[i].Diagnostics, crossBags[i].Omitted, options.Config, tallies).ToList();
                finished[i] = FindingsCap.Apply(findings, tallies);
            }

            diagnostics.AddRange(finished[i]);
        }

        finishedOf = finished;
        lastModel = model;
        diagnostics.Sort(DiagnosticComparer.Instance);
        lap("severities, suppressions and sorting");
        // A metadata file known from the cache counts as the document it is.
        int documentCount = loaded.Count + all.Count(s => s.Metadata is not null);
        var documentPaths = loaded.Select(d => d.File.DisplayPath)
            .Concat(all.Where(s => s.Metadata is not null).Select(s => s.File.DisplayPath))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new LintResult(diagnostics, count, documentCount, notes, model) { Phases = phases, BusinessCentral = businessCentral, DocumentPaths = documentPaths };
    }

    internal static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>The workspace after an update, and the files whose findings changed.</summary>
public sealed class WorkspaceUpdate
{
    internal WorkspaceUpdate(LintResult result, IReadOnlyList<string> changedPaths)
    {
        Result = result;
        ChangedPaths = changedPaths;
    }

    public LintResult Result { get; }

    /// <summary>Display paths (sorted) of the files whose findings differ from before, or that were checked again.</summary>
    public IReadOnlyList<string> ChangedPaths { get; }

    /// <summary>The findings on one file (display path), sorted.</summary>
    public IEnumerable<Diagnostic> FindingsOf(string displayPath) => Result.Diagnostics.Where(d => d.Location.Path == displayPath);

    internal static IReadOnlyList<string> Differences(LintResult? before, LintResult after, HashSet<string> rechecked)
    {
        var paths = new SortedSet<string>(rechecked, StringComparer.Ordinal);
        if (before is not null)
        {
            var old = before.Diagnostics.ToLookup(d => d.Location.Path);
            var now = after.Diagnostics.ToLookup(d => d.Location.Path);
            foreach (var path in old.Select(g => g.Key).Union(now.Select(g => g.Key)))
            {
                if (!old[path].Select(Render).SequenceEqual(now[path].Select(Render)))
                {
                    paths.Add(path);
                }
            }
        }

        return [.. paths];

        static string Render(Diagnostic d) => $"{d} {d.Location.Span.Start} {d.Location.Span.End} {d.IsSuppressed}";
    }
}
