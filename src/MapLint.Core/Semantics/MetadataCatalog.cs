using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>All entity metadata of the workspace, indexed by app and entity name (case-insensitive).</summary>
public sealed class MetadataCatalog
{
    private readonly Dictionary<string, Dictionary<string, EntityDefinition>> entities = new(Apps.NameComparer);
    private readonly Dictionary<string, Dictionary<string, EntityDefinition>> entitySets = new(Apps.NameComparer);
    private readonly HashSet<string> legalEntities = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> businessUnits = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool declaresLegalEntities;
    private readonly bool declaresBusinessUnits;

    internal MetadataCatalog(IEnumerable<EntityMetadataDocument> documents)
    {
        List<List<EntityDefinition>>? several = null;
        var definitions = new Dictionary<string, List<EntityDefinition>>(StringComparer.OrdinalIgnoreCase); // by app and name
        foreach (var document in documents)
        {
            if (!entities.TryGetValue(document.App, out var byName))
            {
                entities[document.App] = byName = new Dictionary<string, EntityDefinition>(StringComparer.OrdinalIgnoreCase);
            }

            foreach (var entity in document.Entities)
            {
                if (byName.TryAdd(entity.Name, entity))
                {
                    continue;
                }

                // A table in two documents (its export, and the option-set response of one of its columns; or two
                // files that disagree, which DIPV2014 reports) is joined below, in an order of what they say.
                string key = document.App + "\n" + entity.Name;
                if (!definitions.TryGetValue(key, out var list))
                {
                    definitions[key] = list = [byName[entity.Name]];
                    (several ??= []).Add(list);
                }

                list.Add(entity);
            }

            legalEntities.UnionWith(document.LegalEntities.Select(n => n.Value));
            businessUnits.UnionWith(document.BusinessUnits.Select(n => n.Value));
            declaresLegalEntities |= document.Root.GetProperty("legalEntities") is not null;
            declaresBusinessUnits |= document.Root.GetProperty("businessUnits") is not null;
        }

        foreach (var list in several ?? [])
        {
            var ordered = Canonical(list);
            var joined = ordered[0];
            for (int i = 1; i < ordered.Count; i++)
            {
                joined = EntityDefinition.Join(joined, ordered[i]);
            }

            entities[joined.App][joined.Name] = joined;
        }

        IndexEntitySets();
    }

    /// <summary>
    /// Dataverse tables by entity set name (accounts → account), for maps that name a table as the Web API and the
    /// service's records do. A set the metadata states (EntitySetName) wins; a table without one is known by its
    /// default plural (<see cref="EntitySetNames.Default"/>), unless that name is a logical name itself or two
    /// tables would share it. A name no metadata resolves stays as written (and DIPV1020 says so).
    /// </summary>
    private void IndexEntitySets()
    {
        foreach (var (app, byName) in entities)
        {
            if (!Apps.IsDataverse(app))
            {
                continue;
            }

            var sets = new Dictionary<string, EntityDefinition>(StringComparer.OrdinalIgnoreCase);
            foreach (var entity in byName.Values.Where(e => e.EntitySetName is not null).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                sets.TryAdd(entity.EntitySetName!, entity);
            }

            var derived = new Dictionary<string, EntityDefinition?>(StringComparer.OrdinalIgnoreCase);
            foreach (var entity in byName.Values.Where(e => e.EntitySetName is null))
            {
                string set = EntitySetNames.Default(entity.Name);
                derived[set] = derived.ContainsKey(set) ? null : entity;
            }

            foreach (var (set, entity) in derived)
            {
                if (entity is not null && !byName.ContainsKey(set))
                {
                    sets.TryAdd(set, entity);
                }
            }

            if (sets.Count > 0)
            {
                entitySets[app] = sets;
            }
        }
    }

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

        if (byName.GetValueOrDefault(name) is { } entity)
        {
            return entity;
        }

        if (entitySets.TryGetValue(app, out var sets) && sets.GetValueOrDefault(name) is { } bySet)
        {
            // The logical name is noted too: a change to that entity's metadata concerns the document.
            MetadataUse.Entity(app, bySet.Name);
            return bySet;
        }

        return null;
    }

    /// <summary>The logical name of a table named by its entity set (accounts → account); the name itself otherwise.</summary>
    public string LogicalName(string app, string name) =>
        name.Length > 0 && Apps.IsDataverse(app) && FindEntity(app, name) is { } entity ? entity.Name : name;

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
}
