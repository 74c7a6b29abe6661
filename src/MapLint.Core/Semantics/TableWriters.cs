using MapLint.Filters;
using MapLint.Model;
using MapLint.Util;

namespace MapLint.Semantics;

/// <summary>Another map that writes the same rows and columns of a table, and one column both write.</summary>
public sealed record WriteOverlap(TableMap Other, string Column);

/// <summary>
/// Which maps write the same part of a table: for each map and side it writes, the first map in name order
/// before it that writes the same table, for rows its filter does not exclude, into a column that is not part of
/// the table's key. Maps whose filters require one field to hold two different values (<c>PartyType ==
/// "Person"</c> against <c>"Organization"</c>) write disjoint rows; maps that share only key columns split the
/// table's columns (a vertical split). Built once, linear in the written columns: per table and column, only the
/// first writer of each distinct filter is remembered, so 10,000 maps writing one table cost 10,000 lookups.
/// </summary>
public sealed class TableWriters
{
    private readonly Dictionary<(TableMap Map, MapSideRole Role), WriteOverlap> overlaps = new(PairOfMapAndRole.Instance);

    private TableWriters()
    {
    }

    public WriteOverlap? OverlapOf(TableMap map, MapSideRole role) => overlaps.GetValueOrDefault((map, role));

    public static TableWriters Build(SemanticModel model)
    {
        var writers = new TableWriters();

        // Within one deployment (see TableMap.Deployment): an export beside the same maps as MapLint documents is not a second writer.
        foreach (var deployment in model.TableMaps.GroupBy(m => m.Deployment))
        {
            writers.Add(model, deployment);
        }

        return writers;
    }

    private void Add(SemanticModel model, IEnumerable<TableMap> maps)
    {
        var byTable = new Dictionary<(string App, string Entity), List<(TableMap Map, MapSide Side)>>(PairIgnoreCase.Instance);
        foreach (var map in maps)
        {
            foreach (var side in new[] { map.Source, map.Destination })
            {
                if (side.Entity.Length > 0 && map.Writes(side.Role))
                {
                    var key = (side.App, side.Entity);
                    if (!byTable.TryGetValue(key, out var list))
                    {
                        byTable[key] = list = new List<(TableMap, MapSide)>();
                    }

                    list.Add((map, side));
                }
            }
        }

        foreach (var list in byTable.Values.Where(l => l.Count > 1))
        {
            list.Sort((a, b) =>
            {
                int byName = string.CompareOrdinal(a.Map.Name, b.Map.Name);
                return byName != 0 ? byName : string.CompareOrdinal(a.Map.File.DisplayPath, b.Map.File.DisplayPath);
            });
            Compare(model, list);
        }
    }

    /// <summary>One table's writers in name order: each against the first earlier writer of each filter, per column.</summary>
    private void Compare(SemanticModel model, List<(TableMap Map, MapSide Side)> list)
    {
        var firstByColumn = new Dictionary<string, List<(string Filter, FilterParseResult? Parsed, int Position)>>(StringComparer.OrdinalIgnoreCase);
        for (int position = 0; position < list.Count; position++)
        {
            var (map, side) = list[position];
            var parsed = side.Filter?.Parsed;
            string filter = Signature(parsed);
            var key = KeyColumns(model, map, side);
            int best = int.MaxValue;
            string? column = null;
            foreach (var written in map.WrittenColumns(side.Role))
            {
                if (key.Contains(written))
                {
                    continue;
                }

                if (firstByColumn.TryGetValue(written, out var firsts))
                {
                    foreach (var first in firsts)
                    {
                        if (first.Position < best && !Disjoint(first.Parsed, parsed))
                        {
                            best = first.Position;
                            column = written;
                        }
                    }

                    if (!firsts.Any(f => f.Filter == filter))
                    {
                        firsts.Add((filter, parsed, position));
                    }
                }
                else
                {
                    firstByColumn[written] = [(filter, parsed, position)];
                }
            }

            if (column is not null)
            {
                overlaps[(map, side.Role)] = new WriteOverlap(list[best].Map, column);
            }
        }
    }

    private static bool Disjoint(FilterParseResult? a, FilterParseResult? b) => a is not null && b is not null && a.IsDisjointFrom(b);

    /// <summary>Filters that require the same equalities let the same rows through: one signature for them.</summary>
    private static string Signature(FilterParseResult? parsed) =>
        parsed is null || parsed.RequiredEqualities.Count == 0
            ? string.Empty
            : string.Join("\u0001", parsed.RequiredEqualities.Select(e => e.Field.ToUpperInvariant() + "\u0002" + e.Value.ToUpperInvariant()).Order(StringComparer.Ordinal));

    /// <summary>The side's key columns: the map's own integration key, the table's alternate keys and company field.</summary>
    private static HashSet<string> KeyColumns(SemanticModel model, TableMap map, MapSide side)
    {
        var key = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (map.IntegrationKey is { } own && map.KeySide.Role == side.Role)
        {
            key.UnionWith(own.Select(k => k.Value));
        }

        if (model.EntityKeys(side) is { } entity)
        {
            foreach (var alternate in entity.Keys)
            {
                key.UnionWith(alternate);
            }

            if (entity.CompanyField is { } company)
            {
                key.Add(company);
            }
        }

        return key;
    }

    private sealed class PairOfMapAndRole : IEqualityComparer<(TableMap, MapSideRole)>
    {
        public static readonly PairOfMapAndRole Instance = new();

        public bool Equals((TableMap, MapSideRole) x, (TableMap, MapSideRole) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;

        public int GetHashCode((TableMap, MapSideRole) pair) => (ReferenceIdentity.Instance.GetHashCode(pair.Item1) * 2) + (int)pair.Item2;
    }
}
