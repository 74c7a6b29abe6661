using MapLint.Model;
using MapLint.Semantics;

namespace MapLint.Engine;

/// <summary>
/// What the rules spanning documents read of each file, as the last run found it, so that an edit of some maps can
/// be checked on the files it concerns without the rest: which files hold MapLint maps only, their documents'
/// names, their maps' tables and the columns lookups asked about, the files their maps' lookups lead to, and the
/// answers the key-column index gave. Kept in the last run's record (<see cref="LastRun"/>).
/// </summary>
internal sealed class StageFacts
{
    private Dictionary<(string, string, string?), List<int>>? filesOfTable;
    private Dictionary<string, List<int>>? filesOfName;
    private List<int>[]? dependents;

    private StageFacts(FileFacts[] files, IReadOnlyList<(string App, string Column, string? Table)> answers)
    {
        Files = files;
        Answers = answers;
        Asked = new HashSet<(string App, string Column)>(answers.Select(a => (a.App, a.Column)), PairIgnoreCase.Instance);
    }

    public FileFacts[] Files { get; }

    /// <summary>Each (app, key column) a lookup asked the key-column index about, and its answer (null: none or several tables).</summary>
    public IReadOnlyList<(string App, string Column, string? Table)> Answers { get; }

    public HashSet<(string App, string Column)> Asked { get; }

    /// <summary>The facts of a finished run's files, from its summaries and model.</summary>
    public static StageFacts Of(IReadOnlyList<DocumentSummary> summaries, SemanticModel model)
    {
        var graph = model.SyncGraph;
        var fileOf = new Dictionary<TableMap, int>(Util.ReferenceIdentity.Instance);
        for (int i = 0; i < summaries.Count; i++)
        {
            foreach (var map in summaries[i].TableMaps)
            {
                fileOf[map] = i;
            }
        }

        var asked = graph.KeyColumnsAsked.OrderBy(a => a.App, StringComparer.Ordinal).ThenBy(a => a.Column, StringComparer.Ordinal).ToList();
        var answers = new List<(string, string, string?)>(asked.Count);
        if (asked.Count > 0)
        {
            var index = model.KeyColumns?.Invoke() ?? KeyColumnIndex.From(model.TableMaps);
            foreach (var (app, column) in asked)
            {
                answers.Add((app, column, index.TryGetSingle(app, column, out var table) ? table : null));
            }
        }

        var set = new HashSet<(string App, string Column)>(asked, PairIgnoreCase.Instance);
        var files = new FileFacts[summaries.Count];
        for (int i = 0; i < summaries.Count; i++)
        {
            files[i] = FileFacts.Of(summaries[i], set, graph, map => fileOf.TryGetValue(map, out int j) ? j : -1, i);
        }

        return new StageFacts(files, answers);
    }

    /// <summary>
    /// The same facts with some files' replaced by an edit's, each <see cref="FileFacts.SameForOthers"/> as it was:
    /// the same maps' names and tables, so the name and table indexes stay; the lookups' targets may not.
    /// </summary>
    public StageFacts With(IReadOnlyDictionary<int, FileFacts> replaced)
    {
        var files = (FileFacts[])Files.Clone();
        foreach (var (i, facts) in replaced)
        {
            files[i] = facts;
        }

        return new StageFacts(files, Answers) { filesOfTable = filesOfTable, filesOfName = filesOfName };
    }

    /// <summary>The key-column index as the last run answered the questions lookups asked.</summary>
    public KeyColumnIndex KeyColumns() => KeyColumnIndex.FromAnswers(Answers);

    /// <summary>Files with a map of the table in the deployment (either side; names compared ignoring case, as the model does).</summary>
    public IReadOnlyList<int> FilesOfTable(string app, string entity, string? deployment)
    {
        if (filesOfTable is null)
        {
            var index = new Dictionary<(string, string, string?), List<int>>(TableKeyComparer.Instance);
            for (int i = 0; i < Files.Length; i++)
            {
                foreach (var map in Files[i].Maps)
                {
                    Add(index, (map.SourceApp, map.SourceEntity, map.Deployment), i);
                    Add(index, (map.DestinationApp, map.DestinationEntity, map.Deployment), i);
                }
            }

            filesOfTable = index;
        }

        return filesOfTable.GetValueOrDefault((app, entity, deployment)) ?? [];
    }

    /// <summary>Files with a map of the name (kind:name, ignoring case).</summary>
    public IReadOnlyList<int> FilesOfName(string name)
    {
        if (filesOfName is null)
        {
            var index = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < Files.Length; i++)
            {
                foreach (var key in Files[i].Names)
                {
                    Add(index, key, i);
                }
            }

            filesOfName = index;
        }

        return filesOfName.GetValueOrDefault(name) ?? [];
    }

    // A file is listed once under a key: its keys come in file order, so a repeat is the list's last element.
    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int file)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != file)
        {
            list.Add(file);
        }
    }

    private sealed class TableKeyComparer : IEqualityComparer<(string App, string Entity, string? Deployment)>
    {
        public static readonly TableKeyComparer Instance = new();

        public bool Equals((string App, string Entity, string? Deployment) x, (string App, string Entity, string? Deployment) y) =>
            string.Equals(x.App, y.App, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Entity, y.Entity, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Deployment, y.Deployment, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string App, string Entity, string? Deployment) key) =>
            unchecked((((StringComparer.OrdinalIgnoreCase.GetHashCode(key.App) * 397) ^ StringComparer.OrdinalIgnoreCase.GetHashCode(key.Entity)) * 397) ^ (key.Deployment is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Deployment)));
    }

    /// <summary>Files whose maps' lookups lead to a map of file <paramref name="file"/>.</summary>
    public IReadOnlyList<int> DependentsOf(int file)
    {
        if (dependents is null)
        {
            var lists = new List<int>[Files.Length];
            for (int i = 0; i < Files.Length; i++)
            {
                foreach (int j in Files[i].DependsOn)
                {
                    (lists[j] ??= []).Add(i);
                }
            }

            dependents = lists;
        }

        return dependents[file] ?? [];
    }

    /// <summary>Files reached from <paramref name="from"/> through lookups (themselves included).</summary>
    public HashSet<int> Reached(IEnumerable<int> from, Func<int, IEnumerable<int>> next)
    {
        var seen = new HashSet<int>(from);
        var pending = new Stack<int>(seen);
        while (pending.Count > 0)
        {
            foreach (int j in next(pending.Pop()))
            {
                if (seen.Add(j))
                {
                    pending.Push(j);
                }
            }
        }

        return seen;
    }

    /// <summary>The files on a lookup cycle through <paramref name="file"/>: reached from it and reaching it.</summary>
    public IEnumerable<int> CycleOf(int file)
    {
        var forward = Reached([file], j => Files[j].DependsOn);
        var backward = Reached([file], DependentsOf);
        return forward.Where(backward.Contains);
    }

    /// <summary>
    /// What <see cref="DependencyIndex.DependentsOf(IEnumerable{string})"/> answers for changed map files, from
    /// the facts: the files themselves, those of their maps' names, every project, the files reaching them
    /// through lookups with the maps of those files' tables, and every file with a lookup to a table no map writes.
    /// </summary>
    public SortedSet<int> DependentsOfMaps(IReadOnlyCollection<int> changed)
    {
        var result = new SortedSet<int>(changed);
        foreach (int i in changed)
        {
            foreach (var name in Files[i].Names)
            {
                result.UnionWith(FilesOfName(name));
            }
        }

        for (int i = 0; i < Files.Length; i++)
        {
            if (Files[i].Project || Files[i].Uncoupled)
            {
                result.Add(i);
            }
        }

        foreach (int j in Reached(changed, DependentsOf))
        {
            result.Add(j);
            AddMapsOfTables(j, result);
        }

        return result;
    }

    /// <summary>Adds the files with a map of one of <paramref name="file"/>'s tables (itself among them).</summary>
    public void AddMapsOfTables(int file, ISet<int> into)
    {
        foreach (var map in Files[file].Maps)
        {
            into.UnionWith(FilesOfTable(map.SourceApp, map.SourceEntity, map.Deployment));
            into.UnionWith(FilesOfTable(map.DestinationApp, map.DestinationEntity, map.Deployment));
        }
    }

    /// <summary>Adds the files with a map of one of <paramref name="file"/>'s tables or names: what its maps' cross-map findings read, and whose read them.</summary>
    public void AddMapsOfTablesAndNames(int file, ISet<int> into)
    {
        AddMapsOfTables(file, into);
        foreach (var name in Files[file].Names)
        {
            into.UnionWith(FilesOfName(name));
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Answers.Count);
        foreach (var (app, column, table) in Answers)
        {
            w.Write(app);
            w.Write(column);
            SummaryCodec.WriteOptional(w, table);
        }

        foreach (var file in Files)
        {
            file.Write(w);
        }
    }

    public static StageFacts Read(BinaryReader r, int fileCount)
    {
        int count = r.ReadInt32();
        var answers = new List<(string, string, string?)>(Math.Min(count, 1 << 16));
        for (int k = 0; k < count; k++)
        {
            answers.Add((r.ReadString(), r.ReadString(), SummaryCodec.ReadOptional(r)));
        }

        var files = new FileFacts[fileCount];
        for (int i = 0; i < fileCount; i++)
        {
            files[i] = FileFacts.Read(r, fileCount);
        }

        return new StageFacts(files, answers);
    }
}

/// <summary>
/// One file's part of <see cref="StageFacts"/>: whether it holds MapLint maps only (what an edit can start from),
/// holds documents other than maps (metadata, connection sets, projects: every edit's check reads them), holds a project, has a lookup to a table no map writes; its maps' names (kind:name); its maps; the files
/// its maps' lookups lead to.
/// </summary>
internal sealed record FileFacts(bool PlainMaps, bool Others, bool Project, bool Uncoupled, IReadOnlyList<string> Names, IReadOnlyList<MapFacts> Maps, int[] DependsOn)
{
    public static FileFacts Of(DocumentSummary summary, HashSet<(string App, string Column)> asked, SyncGraph graph, Func<TableMap, int> fileOf, int self)
    {
        var maps = summary.TableMaps.ToList();
        bool plain = summary.Documents.Count > 0 && maps.Count == summary.Documents.Count && maps.All(m => m.Deployment is null)
            && summary.Columns.Count == maps.Count && summary.Al is null && summary.Metadata is null && !summary.IsMetadataExport;
        var facts = new List<MapFacts>(maps.Count);
        var dependsOn = new SortedSet<int>();
        bool uncoupled = false;
        for (int k = 0; k < maps.Count; k++)
        {
            var map = maps[k];
            var columns = k < summary.Columns.Count ? summary.Columns[k] : null;
            facts.Add(new MapFacts(
                map.Name,
                map.Deployment,
                map.Source.App,
                map.Source.Entity,
                map.Destination.App,
                map.Destination.Entity,
                AskedOf(map.WrittenColumns(MapSideRole.Source), map.Source.App, asked),
                AskedOf(map.WrittenColumns(MapSideRole.Destination), map.Destination.App, asked),
                AskedOf(columns?.Source ?? [], columns?.SourceApp ?? string.Empty, asked),
                AskedOf(columns?.Destination ?? [], columns?.DestinationApp ?? string.Empty, asked)));
            foreach (var dependency in graph.DependenciesOf(map))
            {
                int j = fileOf(dependency.DependsOn);
                if (j >= 0 && j != self)
                {
                    dependsOn.Add(j);
                }
            }

            uncoupled |= graph.UncoupledLookupsOf(map).Count > 0;
        }

        // Only maps' names: what duplicate names and hooks' dependents ask of a map (other documents are read by every edit's check).
        var names = maps.Where(d => d.Name.Length > 0).Select(d => d.Kind + ":" + d.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        bool others = summary.Metadata is not null || summary.Documents.Any(d => d is not TableMap);
        return new FileFacts(plain, others, summary.Documents.Any(d => d is Project), uncoupled, names, facts, [.. dependsOn]);
    }

    /// <summary>
    /// Whether other files' findings read this file as they read <paramref name="was"/>: both MapLint maps only, the
    /// same maps' names, each map's tables and the columns lookups asked about (what IncrementalStage checks of
    /// an editor's edit).
    /// </summary>
    public bool SameForOthers(FileFacts was) =>
        PlainMaps && was.PlainMaps && Names.SequenceEqual(was.Names, StringComparer.Ordinal) && Maps.Count == was.Maps.Count
        && Maps.Zip(was.Maps).All(p => p.First.SameForOthers(p.Second));

    private static List<string> AskedOf(IReadOnlyList<string> columns, string app, HashSet<(string App, string Column)> asked) =>
        columns.Where(c => asked.Contains((app, c))).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    public void Write(BinaryWriter w)
    {
        w.Write(PlainMaps);
        w.Write(Others);
        w.Write(Project);
        w.Write(Uncoupled);
        SummaryCodec.WriteStrings(w, Names);
        w.Write(Maps.Count);
        foreach (var map in Maps)
        {
            w.Write(map.Name);
            SummaryCodec.WriteOptional(w, map.Deployment);
            w.Write(map.SourceApp);
            w.Write(map.SourceEntity);
            w.Write(map.DestinationApp);
            w.Write(map.DestinationEntity);
            SummaryCodec.WriteStrings(w, map.WrittenSource);
            SummaryCodec.WriteStrings(w, map.WrittenDestination);
            SummaryCodec.WriteStrings(w, map.PlainSource);
            SummaryCodec.WriteStrings(w, map.PlainDestination);
        }

        w.Write(DependsOn.Length);
        foreach (int j in DependsOn)
        {
            w.Write(j);
        }
    }

    public static FileFacts Read(BinaryReader r, int fileCount)
    {
        bool plain = r.ReadBoolean();
        bool others = r.ReadBoolean();
        bool project = r.ReadBoolean();
        bool uncoupled = r.ReadBoolean();
        var names = SummaryCodec.ReadStrings(r);
        int mapCount = r.ReadInt32();
        var maps = new List<MapFacts>(Math.Min(mapCount, 1 << 12));
        for (int k = 0; k < mapCount; k++)
        {
            maps.Add(new MapFacts(r.ReadString(), SummaryCodec.ReadOptional(r), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), SummaryCodec.ReadStrings(r), SummaryCodec.ReadStrings(r), SummaryCodec.ReadStrings(r), SummaryCodec.ReadStrings(r)));
        }

        int count = r.ReadInt32();
        var dependsOn = new int[Math.Min(count, fileCount)];
        for (int k = 0; k < count; k++)
        {
            int j = r.ReadInt32();
            if ((uint)j >= (uint)fileCount || k >= dependsOn.Length)
            {
                throw new FormatException("bad file index");
            }

            dependsOn[k] = j;
        }

        return new FileFacts(plain, others, project, uncoupled, names, maps, dependsOn);
    }
}

/// <summary>A map's part of <see cref="FileFacts"/>: its name and tables, and of its columns those some lookup asked about.</summary>
internal sealed record MapFacts(string Name, string? Deployment, string SourceApp, string SourceEntity, string DestinationApp, string DestinationEntity, IReadOnlyList<string> WrittenSource, IReadOnlyList<string> WrittenDestination, IReadOnlyList<string> PlainSource, IReadOnlyList<string> PlainDestination)
{
    public bool SameForOthers(MapFacts was) =>
        string.Equals(Name, was.Name, StringComparison.Ordinal)
        && string.Equals(Deployment, was.Deployment, StringComparison.Ordinal)
        && string.Equals(SourceApp, was.SourceApp, StringComparison.Ordinal) && string.Equals(SourceEntity, was.SourceEntity, StringComparison.Ordinal)
        && string.Equals(DestinationApp, was.DestinationApp, StringComparison.Ordinal) && string.Equals(DestinationEntity, was.DestinationEntity, StringComparison.Ordinal)
        && Same(WrittenSource, was.WrittenSource) && Same(WrittenDestination, was.WrittenDestination)
        && Same(PlainSource, was.PlainSource) && Same(PlainDestination, was.PlainDestination);

    private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.SequenceEqual(b, StringComparer.OrdinalIgnoreCase);
}
