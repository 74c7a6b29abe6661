using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>
/// A metadata file known by what it defines (its app, its entity names, its organization lists), whose entity
/// definitions are read only when a rule first asks for one. A cached run of unchanged maps asks for none, so the
/// file is never parsed; a changed map reads the files that define its tables.
/// </summary>
public sealed class DeferredMetadata
{
    private readonly Func<string, IEnumerable<EntityDefinition>> load;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<List<EntityDefinition>>> definitions = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="load">The file's definitions of one entity (from the cache's copy of them, else the file read for it).</param>
    internal DeferredMetadata(string fullPath, string app, IReadOnlyList<string> entityNames, IReadOnlyList<string?> entitySetNames, IReadOnlyList<string> legalEntities, IReadOnlyList<string> businessUnits, bool declaresLegalEntities, bool declaresBusinessUnits, Func<string, IEnumerable<EntityDefinition>> load)
    {
        FullPath = fullPath;
        App = app;
        EntityNames = entityNames;
        EntitySetNames = entitySetNames.Count == entityNames.Count ? entitySetNames : throw new ArgumentException("one entity set name (or none) per entity name", nameof(entitySetNames));
        LegalEntities = legalEntities;
        BusinessUnits = businessUnits;
        DeclaresLegalEntities = declaresLegalEntities;
        DeclaresBusinessUnits = declaresBusinessUnits;
        this.load = load;
    }

    /// <summary>What the loaded document says, for the same facts without reading it again.</summary>
    internal static (IReadOnlyList<string> Names, IReadOnlyList<string?> SetNames, IReadOnlyList<string> LegalEntities, IReadOnlyList<string> BusinessUnits, bool DeclaresLegalEntities, bool DeclaresBusinessUnits) FactsOf(EntityMetadataDocument document) =>
        (document.Entities.Select(e => e.Name).ToList(),
         document.Entities.Select(e => e.EntitySetName).ToList(),
         document.LegalEntities.Select(n => n.Value).ToList(),
         document.BusinessUnits.Select(n => n.Value).ToList(),
         document.Root.GetProperty("legalEntities") is not null,
         document.Root.GetProperty("businessUnits") is not null);

    public string FullPath { get; }

    public string App { get; }

    /// <summary>The entities the file defines, in file order (a name may repeat).</summary>
    public IReadOnlyList<string> EntityNames { get; }

    /// <summary>
    /// Each entity's entity set name as the file states it (null where it does not), beside <see cref="EntityNames"/>:
    /// a table named by its set (accounts) is found without reading every definition of the file.
    /// </summary>
    public IReadOnlyList<string?> EntitySetNames { get; }

    /// <summary>The entity's set name as stated, when the file defines the entity once (null otherwise: the definitions decide).</summary>
    internal (string Name, string? SetName)? SetNameOf(string entity)
    {
        (string Name, string? SetName)? found = null;
        for (int i = 0; i < EntityNames.Count; i++)
        {
            if (string.Equals(EntityNames[i], entity, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    return null; // defined twice in the file: joined from both, which reading them decides
                }

                found = (EntityNames[i], EntitySetNames[i]);
            }
        }

        return found;
    }

    public IReadOnlyList<string> LegalEntities { get; }

    public IReadOnlyList<string> BusinessUnits { get; }

    public bool DeclaresLegalEntities { get; }

    public bool DeclaresBusinessUnits { get; }

    /// <summary>True once a rule asked for one of the file's entities (the file was read for it).</summary>
    public bool IsLoaded => !definitions.IsEmpty;

    /// <summary>
    /// The file's definitions of the entity, in file order: from the cache's copy of the file's definitions, else
    /// the file read for that entity alone (the others' values skipped by the reader); once, even when rules on
    /// several threads ask at once.
    /// </summary>
    internal IEnumerable<EntityDefinition> Definitions(string entity) =>
        definitions.GetOrAdd(entity, name => new Lazy<List<EntityDefinition>>(
            () => load(name).Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).ToList(),
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
