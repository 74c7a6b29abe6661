using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>
/// Shared check of DIPV1023, DIPV1026 and DIPV2107: two mappings write the same field of one side. What is written
/// is a column, or one key part of a lookup: a lookup into a table with a multi-part key is written one row per
/// part (<c>invoiceid.msdyn_invoicenumber</c>, <c>invoiceid.msdyn_invoicedate</c>), which writes the column once.
/// A plain write and a lookup write of one column do collide.
/// </summary>
internal static class DuplicateWrites
{
    /// <summary>A second write of a field: the mapping that wrote it first, the one that writes it again, and the field.</summary>
    public readonly record struct Collision(FieldMapping Earlier, FieldMapping Mapping, FieldReference Field)
    {
        /// <summary>
        /// Both mappings go both ways from two different fields of the other side: one field fanned out to two
        /// (Microsoft's templates do it on the finance and operations side), which the way back writes twice.
        /// </summary>
        public bool IsFanOut(MapSideRole role) =>
            Earlier.Direction.IsBidirectional() && Mapping.Direction.IsBidirectional()
            && Earlier.GetField(Other(role)) is { } a && Mapping.GetField(Other(role)) is { } b
            && !string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase);
    }

    public static MapSideRole Other(MapSideRole role) => role == MapSideRole.Source ? MapSideRole.Destination : MapSideRole.Source;

    public static void Check(TableMapAnalysisContext context, MapSideRole role, DiagnosticDescriptor descriptor)
    {
        foreach (var collision in Find(context.TableMap, role))
        {
            if (!collision.IsFanOut(role))
            {
                Report(context, descriptor, collision);
            }
        }
    }

    public static void Report(TableMapAnalysisContext context, DiagnosticDescriptor descriptor, Collision collision) =>
        context.Report(descriptor, collision.Field, collision.Field.Text, collision.Earlier.Index + 1, collision.Mapping.Index + 1);

    /// <summary>Every second write of a field on the side, against the first mapping that wrote it; linear in the mappings.</summary>
    public static List<Collision> Find(TableMap map, MapSideRole role)
    {
        var result = new List<Collision>();

        // Three rules ask this of every map, for each side: the thread's tables are emptied and used again rather
        // than three made per call (they were a tenth of all that a 10,000-map check allocated).
        var (written, plainColumn, lookupColumn) = scratch ??= (NewTable(), NewTable(), NewTable());
        written.Clear();
        plainColumn.Clear();
        lookupColumn.Clear();
        foreach (var mapping in map.Mappings)
        {
            if (!mapping.Direction.FlowsInto(role) || mapping.GetField(role) is not { } field)
            {
                continue;
            }

            // The same column or the same key part of one lookup; else a plain write beside a lookup write of its column.
            var earlier = written.GetValueOrDefault(field.Text)
                ?? (field.IsLookup ? plainColumn.GetValueOrDefault(field.Column) : lookupColumn.GetValueOrDefault(field.Column));
            if (earlier is not null)
            {
                result.Add(new Collision(earlier, mapping, field));
                continue;
            }

            written[field.Text] = mapping;
            (field.IsLookup ? lookupColumn : plainColumn).TryAdd(field.Column, mapping);
        }

        return result;
    }

    [ThreadStatic]
    private static (Dictionary<string, FieldMapping> Written, Dictionary<string, FieldMapping> PlainColumn, Dictionary<string, FieldMapping> LookupColumn)? scratch;

    private static Dictionary<string, FieldMapping> NewTable() => new(StringComparer.OrdinalIgnoreCase);
}
