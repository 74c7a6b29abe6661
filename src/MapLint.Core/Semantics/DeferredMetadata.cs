using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>
/// A metadata file known by what it defines (its app, its entity names, its organization lists), whose entity
/// definitions are read only when a rule first asks for one. A cached run of unchanged maps asks for none, so the
/// file is never parsed; a changed map reads the files that define its tables.
/// </summary>
public sealed class DeferredMetadata
{
    private readonly Lazy<ILookup<string, EntityDefinition>> definitions;

    internal DeferredMetadata(string fullPath, string app, IReadOnlyList<string> entityNames, IReadOnlyList<string> legalEntities, IReadOnlyList<string> businessUnits, bool declaresLegalEntities, bool declaresBusinessUnits, Func<EntityMetadataDocument?> load)
    {
        FullPath = fullPath;
        App = app;
        EntityNames = entityNames;
        LegalEntities = legalEntities;
        BusinessUnits = businessUnits;
        DeclaresLegalEntities = declaresLegalEntities;
        DeclaresBusinessUnits = declaresBusinessUnits;
        // Rules on several threads may ask at once: the file is read once.
        definitions = new Lazy<ILookup<string, EntityDefinition>>(
            () => (load()?.Entities ?? []).ToLookup(e => e.Name, StringComparer.OrdinalIgnoreCase),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>What the loaded document says, for the same facts without reading it again.</summary>
    internal static (IReadOnlyList<string> Names, IReadOnlyList<string> LegalEntities, IReadOnlyList<string> BusinessUnits, bool DeclaresLegalEntities, bool DeclaresBusinessUnits) FactsOf(EntityMetadataDocument document) =>
        (document.Entities.Select(e => e.Name).ToList(),
         document.LegalEntities.Select(n => n.Value).ToList(),
         document.BusinessUnits.Select(n => n.Value).ToList(),
         document.Root.GetProperty("legalEntities") is not null,
         document.Root.GetProperty("businessUnits") is not null);

    public string FullPath { get; }

    public string App { get; }

    /// <summary>The entities the file defines, in file order (a name may repeat).</summary>
    public IReadOnlyList<string> EntityNames { get; }

    public IReadOnlyList<string> LegalEntities { get; }

    public IReadOnlyList<string> BusinessUnits { get; }

    public bool DeclaresLegalEntities { get; }

    public bool DeclaresBusinessUnits { get; }

    /// <summary>True once a rule asked for one of the file's entities (the file was read).</summary>
    public bool IsLoaded => definitions.IsValueCreated;

    /// <summary>The file's definitions of the entity, in file order; reads the file on first use.</summary>
    internal IEnumerable<EntityDefinition> Definitions(string entity) => definitions.Value[entity];
}
