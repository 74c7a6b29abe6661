using MapLint.Model;

namespace MapLint.Metadata;

/// <summary>
/// The entities a workspace's maps use, so large metadata exports are converted lazily: only these (and, for
/// Dataverse, the tables their lookups point to). Null sets mean "everything" (no maps to go by).
/// </summary>
public sealed class MetadataDemand
{
    public static readonly MetadataDemand Everything = new(null, null);

    private MetadataDemand(HashSet<string>? financeAndOperations, HashSet<string>? dataverse)
    {
        FinanceAndOperations = financeAndOperations;
        Dataverse = dataverse;
    }

    public IReadOnlyCollection<string>? FinanceAndOperations { get; }

    public IReadOnlyCollection<string>? Dataverse { get; }

    public static MetadataDemand From(IReadOnlyCollection<TableMap> maps)
    {
        if (maps.Count == 0)
        {
            return Everything;
        }

        var fo = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var dataverse = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var side in maps.SelectMany(m => new[] { m.Source, m.Destination }))
        {
            if (side.IsFinanceAndOperations)
            {
                fo.Add(side.Entity);
            }
            else if (side.IsDataverse)
            {
                dataverse.Add(side.Entity);
            }
        }

        return new MetadataDemand(fo, dataverse);
    }

    public bool Wants(IReadOnlyCollection<string>? set, string entity) => set is null || set.Contains(entity);
}
