using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>All entity metadata of the workspace, indexed by app and entity name (case-insensitive).</summary>
public sealed class MetadataCatalog
{
    private readonly Dictionary<string, Dictionary<string, EntityDefinition>> entities = new(Apps.NameComparer);
    private readonly HashSet<string> legalEntities = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> businessUnits = new(StringComparer.OrdinalIgnoreCase);

    internal MetadataCatalog(IEnumerable<EntityMetadataDocument> documents)
    {
        foreach (var document in documents)
        {
            if (!entities.TryGetValue(document.App, out var byName))
            {
                entities[document.App] = byName = new Dictionary<string, EntityDefinition>(StringComparer.OrdinalIgnoreCase);
            }

            foreach (var entity in document.Entities)
            {
                byName.TryAdd(entity.Name, entity);
            }

            legalEntities.UnionWith(document.LegalEntities.Select(n => n.Value));
            businessUnits.UnionWith(document.BusinessUnits.Select(n => n.Value));
            DeclaresLegalEntities |= document.Root.GetProperty("legalEntities") is not null;
            DeclaresBusinessUnits |= document.Root.GetProperty("businessUnits") is not null;
        }
    }

    public bool HasAny => entities.Count > 0;

    public IReadOnlyCollection<string> LegalEntities => legalEntities;

    public IReadOnlyCollection<string> BusinessUnits => businessUnits;

    public bool HasLegalEntity(string name) => legalEntities.Contains(name);

    public bool HasBusinessUnit(string name) => businessUnits.Contains(name);

    public bool DeclaresLegalEntities { get; }

    public bool DeclaresBusinessUnits { get; }

    public bool HasApp(string app) => entities.ContainsKey(app);

    public EntityDefinition? FindEntity(string app, string name) =>
        entities.TryGetValue(app, out var byName) ? byName.GetValueOrDefault(name) : null;

    public IEnumerable<string> EntityNames(string app) =>
        entities.TryGetValue(app, out var byName) ? byName.Keys : [];
}
