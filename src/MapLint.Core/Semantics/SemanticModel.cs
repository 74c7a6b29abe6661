using System.Collections.Concurrent;
using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>
/// The bound workspace: every document, the metadata catalog, and name lookups between documents
/// (task to map, project to connection set, map to metadata, lookup to target table and its maps).
/// Built once after loading; read-only and shared by all analyzers in parallel.
/// </summary>
public sealed class SemanticModel
{
    private readonly Dictionary<string, TableMap> mapsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ConnectionSet> connectionSetsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, TableMap> mapsByTable;
    private readonly ConcurrentDictionary<TableMap, IReadOnlyList<IntegrationKeyField>> keyFields = new();
    private readonly Lazy<SyncGraph> syncGraph;
    private readonly Lazy<TableWriters> tableWriters;

    public SemanticModel(IReadOnlyList<MapLintDocument> documents)
        : this(documents, null)
    {
    }

    /// <summary>The model with its metadata given in file order: documents, and files known from the cache by their names.</summary>
    internal SemanticModel(IReadOnlyList<MapLintDocument> documents, IReadOnlyList<MetadataPart>? metadata)
    {
        Documents = documents;
        TableMaps = documents.OfType<TableMap>().ToList();
        ConnectionSets = documents.OfType<ConnectionSet>().ToList();
        Projects = documents.OfType<Project>().ToList();
        Metadata = metadata is null ? new MetadataCatalog(documents.OfType<EntityMetadataDocument>()) : new MetadataCatalog(metadata);
        foreach (var map in TableMaps)
        {
            Resolve(map);
            mapsByName.TryAdd(map.Name, map);
        }

        foreach (var set in ConnectionSets)
        {
            connectionSetsByName.TryAdd(set.Name, set);
        }

        syncGraph = new Lazy<SyncGraph>(() =>
        {
            var graph = SyncGraph.Build(this, TableMaps, previousGraph, replacing);
            previousGraph = null; // the new graph keeps what it reused, not the old graph
            replacing = null;
            return graph;
        });
        tableWriters = new Lazy<TableWriters>(() => TableWriters.Build(this));
        mapsByTable = TableMaps
            .SelectMany(m => new[] { (Key: TableKey(m.Source.App, m.Source.Entity, m.Deployment), Map: m), (Key: TableKey(m.Destination.App, m.Destination.Entity, m.Deployment), Map: m) })
            .Distinct()
            .ToLookup(p => p.Key, p => p.Map, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<MapLintDocument> Documents { get; }

    /// <summary>
    /// Names the map's Dataverse sides by logical name where the metadata knows their entity set name, before any
    /// rule reads them: rules, lookups and the tables two maps share then compare logical names, whether a map was
    /// written as MapLint documents are (account) or read from the service's records (accounts).
    /// </summary>
    internal void Resolve(TableMap map)
    {
        foreach (var side in new[] { map.Source, map.Destination })
        {
            if (side.IsDataverse && side.WrittenEntity.Length > 0)
            {
                side.Resolve(Metadata.LogicalName(side.App, side.WrittenEntity));
            }
        }
    }

    /// <summary>The key-column index, when it was filled while maps were analyzed and compacted.</summary>
    internal Func<KeyColumnIndex>? KeyColumns { get; init; }

    private SyncGraph? previousGraph;
    private IReadOnlyDictionary<TableMap, TableMap>? replacing;

    /// <summary>
    /// The graph of the workspace before the maps in <see cref="Replacing"/> (new → old) changed, when their
    /// changes leave other maps' lookups resolved as before: the sync graph is then built from it (an edit).
    /// </summary>
    internal SyncGraph? PreviousGraph { init => previousGraph = value; }

    internal IReadOnlyDictionary<TableMap, TableMap>? Replacing { init => replacing = value; }

    /// <summary>Drops what the model remembers about a map (its key fields), once the map's own rules have run.</summary>
    internal void Forget(TableMap map) => keyFields.TryRemove(map, out _);

    public IReadOnlyList<TableMap> TableMaps { get; }

    public IReadOnlyList<ConnectionSet> ConnectionSets { get; }

    public IReadOnlyList<Project> Projects { get; }

    public MetadataCatalog Metadata { get; }

    /// <summary>The initial-sync dependency graph, built on first use and shared by the sync rules and `maplint plan`.</summary>
    public SyncGraph SyncGraph => syncGraph.Value;

    /// <summary>Which maps write the same rows and columns of one table, computed once for all maps.</summary>
    public TableWriters TableWriters => tableWriters.Value;

    public TableMap? FindTableMap(string name) => mapsByName.GetValueOrDefault(name);

    public ConnectionSet? FindConnectionSet(string name) => connectionSetsByName.GetValueOrDefault(name);

    /// <summary>Maps that read or write the table.</summary>
    public IEnumerable<TableMap> MapsOfTable(string app, string entity) => mapsByTable[TableKey(app, entity, null)];

    /// <summary>Maps of the same deployment as <paramref name="map"/> that read or write the table (see <see cref="TableMap.Deployment"/>).</summary>
    public IEnumerable<TableMap> MapsOfTable(TableMap map, string app, string entity) => mapsByTable[TableKey(app, entity, map.Deployment)];

    /// <summary>The side's entity, or null when the app has no metadata or lacks the entity.</summary>
    public EntityDefinition? GetEntity(MapSide side) => Metadata.FindEntity(side.App, side.Entity);

    /// <summary>
    /// What the side's metadata says of a lookup column: from what the map kept once its own rules ran (so the
    /// rules spanning maps read no metadata), else from the catalog.
    /// </summary>
    internal (bool EntityFound, bool ColumnFound, IReadOnlyList<string> Targets) LookupColumn(MapSide side, string column)
    {
        if (side.KnownMetadata is { } known && known.LookupColumns.TryGetValue(column, out var targets))
        {
            return (known.EntityFound, targets is not null, targets ?? []);
        }

        var entity = GetEntity(side);
        var field = entity?.FindField(column);
        return (entity is not null, field is not null, field?.Targets ?? []);
    }

    /// <summary>The side's alternate keys and company field: from what the map kept, else from the catalog; null without metadata.</summary>
    internal (IReadOnlyList<IReadOnlyList<string>> Keys, string? CompanyField)? EntityKeys(MapSide side)
    {
        if (side.KnownMetadata is { } known)
        {
            return known.EntityFound ? (known.Keys, known.CompanyField) : null;
        }

        return GetEntity(side) is { } entity ? (entity.Keys, entity.CompanyField) : null;
    }

    /// <summary>
    /// Takes what the rules spanning maps need of the map's metadata (while its own rules run, so the use is
    /// recorded) and keeps it on its sides.
    /// </summary>
    internal void KeepSpanningMetadata(TableMap map)
    {
        foreach (var side in new[] { map.Source, map.Destination })
        {
            var entity = GetEntity(side);
            var columns = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.OrdinalIgnoreCase);
            foreach (var mapping in map.Mappings)
            {
                if (mapping.GetField(side.Role) is { IsLookup: true } lookup && LookupPath.Parse(lookup.Text) is { IsPolymorphic: false } path && !columns.ContainsKey(path.Column))
                {
                    columns[path.Column] = entity?.FindField(path.Column)?.Targets;
                }
            }

            side.KnownMetadata = new SideMetadata(entity is not null, entity?.Keys ?? [], entity?.CompanyField, columns);
        }
    }

    /// <summary>Binds a field reference to metadata (lookups through the target table's metadata).</summary>
    public ResolvedField Resolve(FieldReference reference)
    {
        // A dozen rules ask about each field, one mapping after another on the same thread: the last few
        // bindings of the thread are kept, so a field is bound about once without every field keeping its binding
        // for the whole run (that was 128 bytes per mapping, 128 MB for 10,000 maps).
        var recent = recentBindings ??= new ResolvedField?[RecentBindings];
        // (The slot comes from the reference's place in its file: an object's identity hash is made, under a
        // lock, the first time it is asked for, and that was a tenth of these rules' time.)
        int slot = (int)(((uint)reference.Span.Start * 2654435761u) >> (32 - RecentBindingsBits));
        if (recent[slot] is { } known && ReferenceEquals(known.Reference, reference) && ReferenceEquals(known.Owner, this))
        {
            return known;
        }

        return recent[slot] = Bind(reference);
    }

    private const int RecentBindingsBits = 4;
    private const int RecentBindings = 1 << RecentBindingsBits;

    [ThreadStatic]
    private static ResolvedField?[]? recentBindings;

    private ResolvedField Bind(FieldReference reference)
    {
        var entity = GetEntity(reference.Side);
        var column = entity?.FindField(reference.Column);
        EntityDefinition? target = null;
        FieldDefinition? targetColumn = null;
        if (reference.IsLookup && column?.Target is { } targetName)
        {
            target = Metadata.FindEntity(reference.Side.App, targetName);
            targetColumn = target?.FindField(reference.KeyColumnOfTarget!);
        }

        return new ResolvedField(reference, entity, column, target, targetColumn) { Owner = this };
    }

    /// <summary>The map's integration key: its own override, else the first alternate key of its key side's table.</summary>
    public IntegrationKeyInfo? GetIntegrationKey(TableMap map)
    {
        var side = map.KeySide;
        var entity = GetEntity(side);
        if (map.IntegrationKey is { Count: > 0 } own)
        {
            return new IntegrationKeyInfo(side, own.Select(k => k.Value).ToList(), true, entity);
        }

        return entity is { Keys.Count: > 0 } ? new IntegrationKeyInfo(side, entity.Keys[0], false, entity) : null;
    }

    /// <summary>
    /// The key fields the map must map, computed once per map (several key and lookup rules ask). The company
    /// field of a company-specific table is left out: dual-write fills it from the organization mapping.
    /// </summary>
    public IReadOnlyList<IntegrationKeyField> GetKeyFields(TableMap map) => keyFields.GetOrAdd(map, ComputeKeyFields);

    private IReadOnlyList<IntegrationKeyField> ComputeKeyFields(TableMap map)
    {
        if (GetIntegrationKey(map) is not { } key)
        {
            return [];
        }

        // A key has a field or three; scanning the mappings for each is cheaper than grouping all of them.
        List<FieldMapping> MappingsOf(string column) =>
            map.Mappings.Where(m => m.GetField(key.Side.Role) is { } field && string.Equals(field.Column, column, StringComparison.OrdinalIgnoreCase)).ToList();
        var result = new List<IntegrationKeyField>();
        for (int i = 0; i < key.Fields.Count; i++)
        {
            string name = key.Fields[i];
            if (key.Entity?.IsCompanyField(name) == true && key.Entity.CompanyScope == CompanyScope.Company)
            {
                continue;
            }

            var (span, path) = key.FromMap
                ? (map.IntegrationKey![i].Span, $"$.integrationKey[{i}]")
                : (key.Side.EntitySpan, $"$.{key.Side.RoleName}.entity");
            result.Add(new IntegrationKeyField(name, span, path, MappingsOf(name), key.Side));
        }

        return result;
    }

    /// <summary>
    /// Connection sets the map can run in: those with environments for both of its apps. When no connection set
    /// names environments for them, every connection set of the workspace is a candidate.
    /// </summary>
    public IReadOnlyList<ConnectionSet> ConnectionSetsFor(TableMap map) =>
        connectionSetsByApps.GetOrAdd((map.Source.App, map.Destination.App), apps =>
        {
            var matching = ConnectionSets.Where(c => c.HasEnvironmentFor(apps.Item1) && c.HasEnvironmentFor(apps.Item2)).ToList();
            return matching.Count > 0 ? matching : ConnectionSets;
        });

    // Thousands of maps share a handful of app pairs; rules ask once per map or per mapping.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), IReadOnlyList<ConnectionSet>> connectionSetsByApps = new();

    private static string TableKey(string app, string entity, string? deployment) => app + "\u0001" + entity + "\u0001" + deployment;
}
