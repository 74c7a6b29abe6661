using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>All entity metadata of the workspace, indexed by app and entity name (case-insensitive).</summary>
public sealed class MetadataCatalog
{
    private readonly Dictionary<string, Dictionary<string, Entry>> entities = new(Apps.NameComparer);
    private readonly Lazy<Dictionary<string, Dictionary<string, Entry>>> entitySets;
    private readonly HashSet<string> legalEntities = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> businessUnits = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<MetadataSource> sources = [];
    private readonly bool declaresLegalEntities;
    private readonly bool declaresBusinessUnits;

    internal MetadataCatalog(IEnumerable<EntityMetadataDocument> documents)
        : this(documents.Select(d => new MetadataPart(d, null)))
    {
    }

    /// <summary>The catalog of metadata documents and of files known from the cache by their names alone, in file order.</summary>
    internal MetadataCatalog(IEnumerable<MetadataPart> parts)
    {
        foreach (var (document, file) in parts)
        {
            if (document is not null)
            {
                var byName = App(document.App);
                foreach (var entity in document.Entities)
                {
                    Slot(byName, entity.Name).Add(entity);
                }

                legalEntities.UnionWith(document.LegalEntities.Select(n => n.Value));
                businessUnits.UnionWith(document.BusinessUnits.Select(n => n.Value));
                declaresLegalEntities |= document.Root.GetProperty("legalEntities") is not null;
                declaresBusinessUnits |= document.Root.GetProperty("businessUnits") is not null;
                sources.Add(new MetadataSource(document.App, document.File.FullPath, document.Entities.Select(e => e.Name).ToList()));
            }
            else if (file is not null)
            {
                // Known by its names: its definitions are read when first asked for.
                var byName = App(file.App);
                foreach (string name in file.EntityNames)
                {
                    Slot(byName, name).Add(file);
                }

                legalEntities.UnionWith(file.LegalEntities);
                businessUnits.UnionWith(file.BusinessUnits);
                declaresLegalEntities |= file.DeclaresLegalEntities;
                declaresBusinessUnits |= file.DeclaresBusinessUnits;
                sources.Add(new MetadataSource(file.App, file.FullPath, file.EntityNames));
            }
        }

        Dictionary<string, Entry> App(string app)
        {
            if (!entities.TryGetValue(app, out var byName))
            {
                entities[app] = byName = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            }

            return byName;
        }

        static Entry Slot(Dictionary<string, Entry> byName, string name)
        {
            if (!byName.TryGetValue(name, out var entry))
            {
                byName[name] = entry = new Entry(name);
            }

            return entry;
        }

        // Built on the first name that is not a logical name: it reads every definition, deferred ones included.
        entitySets = new Lazy<Dictionary<string, Dictionary<string, Entry>>>(IndexEntitySets, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Dataverse tables by entity set name (accounts → account), for maps that name a table as the Web API and the
    /// service's records do. A set the metadata states (EntitySetName) wins; a table without one is known by its
    /// default plural (<see cref="EntitySetNames.Default"/>), unless that name is a logical name itself or two
    /// tables would share it. A name no metadata resolves stays as written (and DIPV1020 says so).
    /// </summary>
    private Dictionary<string, Dictionary<string, Entry>> IndexEntitySets()
    {
        var index = new Dictionary<string, Dictionary<string, Entry>>(Apps.NameComparer);
        foreach (var (app, entries) in entities)
        {
            if (!Apps.IsDataverse(app))
            {
                continue;
            }

            // Each entity's name and set name; a file known from the cache states them without being read.
            var byName = entries.Values.Select(e => (Entry: e, Names: e.Names())).Where(e => e.Names is not null).Select(e => (e.Entry, e.Names!.Value.Name, e.Names.Value.SetName)).ToList();
            var sets = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entity in byName.Where(e => e.SetName is not null).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                sets.TryAdd(entity.SetName!, entity.Entry);
            }

            var derived = new Dictionary<string, Entry?>(StringComparer.OrdinalIgnoreCase);
            foreach (var entity in byName.Where(e => e.SetName is null))
            {
                string set = EntitySetNames.Default(entity.Name);
                derived[set] = derived.ContainsKey(set) ? null : entity.Entry;
            }

            foreach (var (set, entity) in derived)
            {
                if (entity is not null && !entries.ContainsKey(set))
                {
                    sets.TryAdd(set, entity);
                }
            }

            if (sets.Count > 0)
            {
                index[app] = sets;
            }
        }

        return index;
    }

    /// <summary>The metadata files the catalog holds (loaded or deferred), with the entity names each defines.</summary>
    public IReadOnlyList<MetadataSource> Sources => sources;

    /// <summary>Whether the metadata defines the entity, without reading a deferred file or noting a use.</summary>
    internal bool Defines(string app, string name) => entities.TryGetValue(app, out var byName) && byName.ContainsKey(name);

    /// <summary>
    /// Several definitions of one entity, in the order they are joined: the fullest first (most fields, then with
    /// keys), then by what they say, so renaming or moving a file never changes the model (nor the findings).
    /// </summary>
    internal static List<EntityDefinition> Canonical(IEnumerable<EntityDefinition> definitions) =>
        definitions
            .Select(d => (Definition: d, Fingerprint: d.Fingerprint()))
            .OrderByDescending(d => d.Definition.Fields.Count)
            .ThenByDescending(d => d.Definition.Keys.Count > 0)
            .ThenBy(d => d.Fingerprint, StringComparer.Ordinal)
            .Select(d => d.Definition)
            .ToList();

    // Each question notes what it read (MetadataUse), for the dependency index and the summary cache.
    public bool HasAny => entities.Count > 0;

    public IReadOnlyCollection<string> LegalEntities => Organization(legalEntities);

    public IReadOnlyCollection<string> BusinessUnits => Organization(businessUnits);

    public bool HasLegalEntity(string name) => Organization(legalEntities).Contains(name);

    public bool HasBusinessUnit(string name) => Organization(businessUnits).Contains(name);

    public bool DeclaresLegalEntities => Organization(declaresLegalEntities);

    public bool DeclaresBusinessUnits => Organization(declaresBusinessUnits);

    public bool HasApp(string app)
    {
        MetadataUse.App(app);
        return entities.ContainsKey(app);
    }

    /// <summary>The entity of that name, or (Dataverse) of that entity set name: accounts finds account.</summary>
    public EntityDefinition? FindEntity(string app, string name)
    {
        MetadataUse.Entity(app, name);
        if (!entities.TryGetValue(app, out var byName))
        {
            return null;
        }

        if (byName.TryGetValue(name, out var entry) && entry.Definition is { } entity)
        {
            return entity;
        }

        if (Apps.IsDataverse(app) && entitySets.Value.TryGetValue(app, out var sets) && sets.GetValueOrDefault(name)?.Definition is { } bySet)
        {
            // The logical name is noted too: a change to that entity's metadata concerns the document.
            MetadataUse.Entity(app, bySet.Name);
            return bySet;
        }

        return null;
    }

    /// <summary>The logical name of a table named by its entity set (accounts → account); the name itself otherwise.</summary>
    public string LogicalName(string app, string name)
    {
        if (name.Length == 0 || !Apps.IsDataverse(app))
        {
            return name;
        }

        if (Defines(app, name))
        {
            // A logical name already: known without reading a deferred file (a cached run reads none).
            MetadataUse.Entity(app, name);
            return name;
        }

        return FindEntity(app, name) is { } entity ? entity.Name : name;
    }

    public IEnumerable<string> EntityNames(string app)
    {
        MetadataUse.App(app);
        return entities.TryGetValue(app, out var byName) ? byName.Keys : [];
    }

    private static T Organization<T>(T value)
    {
        MetadataUse.OrganizationLists();
        return value;
    }

    /// <summary>
    /// One entity's definitions: several (its export and the option-set response of one of its columns; or two
    /// files that disagree, which DIPV2014 reports) are joined in the canonical order of what they say. Joined when
    /// first asked for, which reads the deferred files holding it.
    /// </summary>
    private sealed class Entry
    {
        private readonly string name;
        private readonly List<(EntityDefinition? Loaded, DeferredMetadata? Deferred)> parts = [];
        private readonly Lazy<EntityDefinition?> joined;

        public Entry(string name)
        {
            this.name = name;
            joined = new Lazy<EntityDefinition?>(Join, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public EntityDefinition? Definition => joined.Value;

        /// <summary>
        /// The entity's name and set name, for the entity-set index: from a file known from the cache as it states
        /// them (nothing read), else from the joined definition; null when there is none.
        /// </summary>
        public (string Name, string? SetName)? Names()
        {
            if (parts is [{ Deferred: { } file }] && file.SetNameOf(name) is { } stated)
            {
                return stated;
            }

            return Definition is { } definition ? (definition.Name, definition.EntitySetName) : null;
        }

        public void Add(EntityDefinition definition) => parts.Add((definition, null));

        public void Add(DeferredMetadata file)
        {
            if (parts.Count > 0 && ReferenceEquals(parts[^1].Deferred, file))
            {
                return; // a name the file repeats: its definitions come back together
            }

            parts.Add((null, file));
        }

        private EntityDefinition? Join()
        {
            var all = parts.SelectMany(p => p.Loaded is not null ? [p.Loaded] : p.Deferred!.Definitions(name)).ToList();
            if (all.Count <= 1)
            {
                return all.Count == 1 ? all[0] : null;
            }

            var ordered = Canonical(all);
            var result = ordered[0];
            for (int i = 1; i < ordered.Count; i++)
            {
                result = EntityDefinition.Join(result, ordered[i]);
            }

            return result;
        }
    }
}

/// <summary>A part of the catalog, in file order: a loaded metadata document, or a file known by its names.</summary>
internal readonly record struct MetadataPart(EntityMetadataDocument? Document, DeferredMetadata? Deferred);

/// <summary>A metadata file of the catalog: its app, its path and the entity names it defines.</summary>
public sealed record MetadataSource(string App, string FullPath, IReadOnlyList<string> EntityNames);
