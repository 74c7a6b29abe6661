using System.Collections.Concurrent;
using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>How a lookup's target table was found, most certain first.</summary>
public enum LookupTargetSource
{
    /// <summary>The lookup column's target in the side's metadata.</summary>
    Metadata,

    /// <summary>The path names it: <c>customerid.Account(accountnumber)</c>.</summary>
    Path,

    /// <summary>The column is named after a table a map of the workspace writes (<c>transactioncurrencyid</c> → <c>transactioncurrency</c>, <c>msdyn_parentproductcategory</c> → <c>msdyn_productcategory</c>), and that table's maps write the key column.</summary>
    NamingConvention,

    /// <summary>One table only, among the maps, writes the key column.</summary>
    KeyColumn,
}

/// <summary>One table a lookup points to, the key column it is matched on there, and how it was found.</summary>
public sealed record LookupTarget(string Table, string KeyColumn, LookupTargetSource Source);

/// <summary>
/// A lookup with its target tables, or, when none could be found, why and which metadata would resolve it
/// (<see cref="Unresolved"/>). Targets come from metadata first; without it, from the path, the column's name and
/// the maps' own tables.
/// </summary>
public sealed record ResolvedLookup(FieldReference Lookup, LookupPath Path, IReadOnlyList<LookupTarget> Targets, string? Unresolved);

/// <summary>Resolves lookups of the workspace; the tables the maps write are indexed once by their name without publisher prefix.</summary>
internal sealed class LookupResolver
{
    private readonly SemanticModel model;
    private readonly Func<KeyColumnIndex> keyColumns;

    // (app, bare name) → the tables of that bare name ("productcategory" → msdyn_productcategory).
    private readonly Dictionary<(string App, string Bare), List<string>> tablesByBareName = new(PairIgnoreCase.Instance);

    // (app, table) → the columns each of its maps writes on that side (the maps' own arrays); a set of them is made
    // for a table only when a lookup named by convention asks about it. Made for every table up front, the sets
    // were a fifth of a 10,000-map check's live heap (47 MB), kept with the sync graph, for lookups that metadata
    // mostly resolves.
    private readonly Dictionary<(string App, string Table), List<IReadOnlyList<string>>> columnsWritten = new(PairIgnoreCase.Instance);
    private readonly ConcurrentDictionary<(string App, string Table), HashSet<string>> writtenColumns = new(PairIgnoreCase.Instance);

    public LookupResolver(SemanticModel model, Func<KeyColumnIndex> keyColumns)
    {
        this.model = model;
        this.keyColumns = keyColumns;
        foreach (var map in model.TableMaps)
        {
            foreach (var side in new[] { map.Source, map.Destination })
            {
                if (side.Entity.Length == 0)
                {
                    continue;
                }

                var key = (side.App, side.Entity);
                if (!columnsWritten.TryGetValue(key, out var columns))
                {
                    columnsWritten[key] = columns = [];
                    var bare = (side.App, Bare(side.Entity));
                    if (!tablesByBareName.TryGetValue(bare, out var tables))
                    {
                        tablesByBareName[bare] = tables = new List<string>();
                    }

                    tables.Add(side.Entity);
                }

                columns.Add(map.WrittenColumns(side.Role));
            }
        }

        bareNameLengths = tablesByBareName.Keys.Select(k => k.Bare.Length).Where(length => length >= 4).Distinct().OrderByDescending(length => length).ToArray();
    }

    // The lengths of the bare names, longest first: a column's suffixes are looked up at these lengths only, so a
    // column name costs what the tables' names cost, not its length squared (a 300,000-letter lookup column took
    // minutes, one suffix per position; fuzzing found).
    private readonly int[] bareNameLengths;

    public ResolvedLookup Resolve(FieldReference lookup)
    {
        var path = LookupPath.Parse(lookup.Text)!;
        var side = lookup.Side;
        if (path.IsPolymorphic)
        {
            return new ResolvedLookup(lookup, path, path.Parts.Select(p => new LookupTarget(p.Table!, p.KeyColumn, LookupTargetSource.Path)).ToList(), null);
        }

        var part = path.Parts[0];
        var (entityFound, columnFound, targets) = model.LookupColumn(side, path.Column);
        if (targets.Count > 0)
        {
            return new ResolvedLookup(lookup, path, targets.Select(t => new LookupTarget(t, part.KeyColumn, LookupTargetSource.Metadata)).ToList(), null);
        }

        if (Convention(side, path.Column, part.KeyColumn) is { } byName)
        {
            return new ResolvedLookup(lookup, path, [new LookupTarget(byName, part.KeyColumn, LookupTargetSource.NamingConvention)], null);
        }

        if (keyColumns().TryGetSingle(side.App, part.KeyColumn, out var table))
        {
            return new ResolvedLookup(lookup, path, [new LookupTarget(table, part.KeyColumn, LookupTargetSource.KeyColumn)], null);
        }

        string where = !entityFound
            ? $"metadata of '{side.Entity}' with lookup column '{path.Column}' and its target"
            : !columnFound
                ? $"'{path.Column}' in the metadata of '{side.Entity}', with its target"
                : $"the target of lookup column '{path.Column}' in the metadata of '{side.Entity}'";
        return new ResolvedLookup(lookup, path, [], where);
    }

    /// <summary>
    /// The table the lookup column is named after, among the tables the maps write: the column without its publisher
    /// prefix and trailing "id" (and a plural "s") ends with the table's bare name; the longest such name wins, and
    /// only if a map writes the key column into that table. The map's own table counts like any other.
    /// </summary>
    private string? Convention(MapSide side, string column, string keyColumn)
    {
        string bare = Bare(column);
        foreach (var candidate in bare.EndsWith('s') && bare.Length > 4 ? new[] { bare, bare[..^1] } : [bare])
        {
            foreach (int length in bareNameLengths)
            {
                if (length > candidate.Length || !tablesByBareName.TryGetValue((side.App, candidate[(candidate.Length - length)..]), out var tables))
                {
                    continue;
                }

                var writing = tables.Where(t => Writes(side.App, t, keyColumn)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (writing.Count == 1)
                {
                    return writing[0];
                }

                if (writing.Count > 1)
                {
                    // Several publishers' tables of one bare name: the one sharing the column's prefix, else none.
                    string prefix = Prefix(column);
                    var same = writing.Where(t => string.Equals(Prefix(t), prefix, StringComparison.OrdinalIgnoreCase)).ToList();
                    return same.Count == 1 ? same[0] : null;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a map writes the column into the table (lookups resolve on all cores: the set is made once, whoever asks first).</summary>
    private bool Writes(string app, string table, string column)
    {
        var key = (app, table);
        if (!writtenColumns.TryGetValue(key, out var set))
        {
            if (!columnsWritten.TryGetValue(key, out var lists))
            {
                return false;
            }

            set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var columns in lists)
            {
                set.UnionWith(columns);
            }

            set = writtenColumns.GetOrAdd(key, set);
        }

        return set.Contains(column);
    }

    private static string Prefix(string name) => name.IndexOf('_', StringComparison.Ordinal) is int at and > 0 ? name[..(at + 1)] : string.Empty;

    /// <summary>A name without its publisher prefix (<c>msdyn_</c>, <c>cdm_</c>) and without a trailing "id" / "_id".</summary>
    internal static string Bare(string name)
    {
        string bare = name.IndexOf('_', StringComparison.Ordinal) is int at and > 0 && at < name.Length - 1 ? name[(at + 1)..] : name;
        if (bare.EndsWith("_id", StringComparison.OrdinalIgnoreCase) && bare.Length > 3)
        {
            bare = bare[..^3];
        }
        else if (bare.EndsWith("id", StringComparison.OrdinalIgnoreCase) && bare.Length > 4)
        {
            bare = bare[..^2];
        }

        return string.Concat(bare.Where(c => c != '_')).ToLowerInvariant();
    }
}
