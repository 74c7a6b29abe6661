using System.Collections.Concurrent;
using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>
/// (app, plain column) → the one table whose maps map that column, or none when several do: how a lookup finds its
/// target without metadata. Filled map by map, from several threads, while maps are analyzed one at a time and let
/// go; it keeps one entry per distinct column name, not one per mapping.
/// </summary>
public sealed class KeyColumnIndex
{
    private const string Ambiguous = "\u0000ambiguous";
    private readonly ConcurrentDictionary<(string App, string Column), string> tables = new(PairIgnoreCase.Instance);

    public static KeyColumnIndex From(IEnumerable<TableMap> maps)
    {
        var index = new KeyColumnIndex();
        foreach (var map in maps)
        {
            index.Add(map);
        }

        return index;
    }

    public void Add(TableMap map)
    {
        foreach (var mapping in map.Mappings)
        {
            Add(mapping.Source);
            Add(mapping.Destination);
        }
    }

    /// <summary>An index answering only the given questions, as another index answered them (the last run's, kept in its record).</summary>
    internal static KeyColumnIndex FromAnswers(IEnumerable<(string App, string Column, string? Table)> answers)
    {
        var index = new KeyColumnIndex();
        foreach (var (app, column, table) in answers)
        {
            index.tables[(app, column)] = table ?? Ambiguous;
        }

        return index;
    }

    /// <summary>The single table that maps the column; false when none or several do.</summary>
    public bool TryGetSingle(string app, string column, out string table)
    {
        table = tables.TryGetValue((app, column), out var found) ? found : Ambiguous;
        return !ReferenceEquals(table, Ambiguous);
    }

    private void Add(FieldReference? field)
    {
        if (field is { IsLookup: false })
        {
            Add(field.Side.App, field.Column, field.Side.Entity);
        }
    }

    /// <summary>Notes that a map of <paramref name="entity"/> maps the plain column (from a map's summary).</summary>
    public void Add(string app, string column, string entity)
    {
        // Most columns are seen before, for the same table: answered by a read, without allocating.
        var key = (app, column);
        if (tables.TryGetValue(key, out var known) && (ReferenceEquals(known, Ambiguous) || string.Equals(known, entity, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        tables.AddOrUpdate(
            key,
            static (_, table) => table,
            static (_, existing, table) => ReferenceEquals(existing, Ambiguous) || string.Equals(existing, table, StringComparison.OrdinalIgnoreCase) ? existing : Ambiguous,
            entity);
    }
}
