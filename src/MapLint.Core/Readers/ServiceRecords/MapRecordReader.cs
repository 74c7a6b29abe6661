using System.Globalization;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>A <c>msdyn_dualwriteentitymap</c> record as read from an export or a solution, before its definition is decoded.</summary>
internal sealed class RawMapRecord
{
    public required MapRecord Facts { get; init; }

    /// <summary>msdyn_mapping, decoded once out of the record's own string (JSON or XML), with where it came from.</summary>
    public EmbeddedText? Mapping { get; init; }

    /// <summary>msdyn_mapping when the record holds it as a JSON object rather than a string.</summary>
    public JsonObject? MappingObject { get; init; }

    /// <summary>Where to report a missing or empty msdyn_mapping, and how it is missing ("missing", "null", "empty").</summary>
    public TextSpan MappingSpan { get; init; }

    public string MappingState { get; init; } = "missing";
}

/// <summary>
/// The records of one export or solution into table maps. Records are grouped by map name (each saved version
/// is its own record); the version MapLint checks is the active one saved last (created on, then version number),
/// never a parked sentinel such as 9.9.9.9 while a real version exists. Only that version's definition is decoded
/// and checked; the rest are reported by the record rules (DIPV2400–DIPV2403).
/// </summary>
internal static class MapRecordReader
{
    public static List<MapLintDocument> Read(IReadOnlyList<RawMapRecord> records, SourceFile file, DiagnosticBag bag, string deployment)
    {
        var documents = new List<MapLintDocument>();
        var groups = records
            .GroupBy(r => r.Facts.Name.Value, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.First().Facts.Span.Start);
        foreach (var group in groups)
        {
            var all = group.ToList();
            var chosen = Choose(all);
            var set = new MapRecordSet(chosen.Facts, all.Where(r => !ReferenceEquals(r, chosen)).Select(r => r.Facts).ToList());
            var maps = ReadDefinition(chosen, file, bag, deployment);
            if (maps.Count > 0)
            {
                // A map of several legs is several table maps; the record rules report once, on the first.
                maps[0].Records = set;
            }

            documents.AddRange(maps);
        }

        return documents;
    }

    private static RawMapRecord Choose(List<RawMapRecord> records)
    {
        var candidates = records.Where(r => r.Facts.StateCode is null or 0).ToList();
        if (candidates.Count == 0)
        {
            candidates = records;
        }

        if (candidates.Any(r => !r.Facts.IsSentinel))
        {
            candidates = candidates.Where(r => !r.Facts.IsSentinel).ToList();
        }

        return candidates
            .OrderByDescending(r => Created(r.Facts.CreatedOn))
            .ThenByDescending(r => r.Facts.Version?.Value ?? string.Empty, VersionComparer.Instance)
            .ThenBy(r => r.Facts.Span.Start)
            .First();
    }

    private static DateTimeOffset Created(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : DateTimeOffset.MinValue;

    private static List<TableMap> ReadDefinition(RawMapRecord record, SourceFile file, DiagnosticBag bag, string deployment)
    {
        var name = record.Facts.DisplayName;
        if (record.MappingObject is { } inline)
        {
            return MapDefinitionReader.Read(inline, Placement.InFile, name, file, bag, deployment);
        }

        if (record.Mapping is not { } text || IsBlank(text.Utf8))
        {
            bag.Add(ServiceRecordRules.MappingEmpty, record.MappingSpan, null, name.Value, record.Mapping is null ? record.MappingState : "empty");
            return [];
        }

        return Decode(text, name, bag) is { } decoded
            ? MapDefinitionReader.Read(decoded.Definition, Placement.In(decoded.Text), name, file, bag, deployment)
            : [];
    }

    /// <summary>
    /// The definition object out of msdyn_mapping's text: parsed as JSON, and once more when that JSON is itself a
    /// string (the double encoding the service sometimes stores). A third level is reported, not followed.
    /// </summary>
    public static (JsonObject Definition, EmbeddedText Text)? Decode(EmbeddedText text, NameReference name, DiagnosticBag bag)
    {
        for (int level = 1; ; level++)
        {
            var own = new DiagnosticBag(bag.Path, new SourceText(text.Utf8));
            var root = JsonParser.Parse(new SourceText(text.Utf8), own);
            if (own.Diagnostics.FirstOrDefault(d => d.Descriptor == SyntaxRules.JsonSyntaxError) is { } error)
            {
                bag.Add(ServiceRecordRules.MappingNotJson, text.ToFile(error.Location.Span), null, name.Value, error.Message);
                return null;
            }

            // Other findings of the embedded JSON (a duplicate key in a value map) are reported where they are in the file.
            foreach (var finding in own.Diagnostics)
            {
                bag.Add(new Diagnostic(finding.Descriptor, new Location(bag.Path, bag.Text, text.ToFile(finding.Location.Span)), finding.Message, finding.Severity, finding.JsonPath, finding.Properties));
            }

            switch (root)
            {
                case JsonObject definition:
                    return (definition, text);
                case JsonString inner when level < 2:
                    text = EmbeddedText.FromJsonString(text.Utf8, inner.Span, text);
                    continue;
                case JsonString inner:
                    bag.Add(ServiceRecordRules.MappingOverEncoded, text.ToFile(inner.Span), null, name.Value);
                    return null;
                default:
                    bag.Add(ServiceRecordRules.UnexpectedShape, text.ToFile(root?.Span ?? default), null, $"The map definition of '{name.Value}' is {root?.TypeName ?? "nothing"}, not a JSON object with legs.");
                    return null;
            }
        }
    }

    private static bool IsBlank(byte[] bytes) => bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');
}

/// <summary>Dotted versions compared part by part as numbers (10.0 after 2.0), text after numbers.</summary>
internal sealed class VersionComparer : IComparer<string>
{
    public static readonly VersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? string.Empty).Split('.');
        var b = (y ?? string.Empty).Split('.');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            long pa = i < a.Length && long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out long va) ? va : -1;
            long pb = i < b.Length && long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out long vb) ? vb : -1;
            if (pa != pb)
            {
                return pa.CompareTo(pb);
            }
        }

        return 0;
    }
}
