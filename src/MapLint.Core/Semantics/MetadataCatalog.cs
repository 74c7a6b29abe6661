using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>All entity metadata of the workspace, indexed by app and entity name (case-insensitive).</summary>
public sealed class MetadataCatalog
{
    private readonly Dictionary<string, Dictionary<string, EntityDefinition>> entities = new(Apps.NameComparer);
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

    public EntityDefinition? FindEntity(string app, string name)
    {
        MetadataUse.Entity(app, name);
        return entities.TryGetValue(app, out var byName) ? byName.GetValueOrDefault(name) : null;
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
}
