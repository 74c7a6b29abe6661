using System.Text.Json;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// A Dataverse Web API response of <c>msdyn_dualwriteentitymaps</c>: one record, or a collection in <c>value</c>
/// (one page of it: the Web API pages large results). Columns as the service names them (msdyn_name,
/// msdyn_displayname, msdyn_version, msdyn_mapping as a JSON string, ismanaged, statecode, createdon); see
/// OliverFlint/pptb-dual-write-map-viewer src/hooks/useDataverseApi.ts.
/// </summary>
internal static class WebApiExportReader
{
    public static bool IsExport(JsonObject root)
    {
        if (root.GetString("@odata.context") is { } context && context.Contains("msdyn_dualwriteentitymap", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (IsRecord(root))
        {
            return true;
        }

        return root.Get("value") is JsonArray value && value.Items.Count > 0 && value.Items.All(i => i is JsonObject o && IsRecord(o));
    }

    private static bool IsRecord(JsonObject o) =>
        o.GetProperty("msdyn_mapping") is not null || o.GetProperty("msdyn_dualwriteentitymapid") is not null;

    /// <summary>
    /// Where each msdyn_mapping string literal is (quotes included), by its start: one pass of Utf8JsonReader, no
    /// strings made. Empty when there are none or the file does not read as JSON (the parser then reports it).
    /// </summary>
    public static Dictionary<int, TextSpan> MappingLiterals(byte[] utf8)
    {
        var literals = new Dictionary<int, TextSpan>();
        if (utf8.AsSpan().IndexOf("\"msdyn_mapping\""u8) < 0)
        {
            return literals;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("msdyn_mapping"u8) && reader.Read() && reader.TokenType == JsonTokenType.String && !reader.HasValueSequence)
                {
                    int start = (int)reader.TokenStartIndex;
                    literals[start] = new TextSpan(start, start + reader.ValueSpan.Length + 2);
                }
            }
        }
        catch (JsonException)
        {
            literals.Clear();
        }

        return literals;
    }

    /// <summary>A copy of the bytes with each literal replaced by <c>0</c> and spaces: same length, same lines.</summary>
    public static byte[] Blank(byte[] utf8, Dictionary<int, TextSpan> literals)
    {
        var copy = (byte[])utf8.Clone();
        foreach (var literal in literals.Values)
        {
            copy[literal.Start] = (byte)'0';
            copy.AsSpan(literal.Start + 1, literal.Length - 1).Fill((byte)' ');
        }

        return copy;
    }

    public static List<MapLintDocument> Read(JsonObject root, SourceFile file, DiagnosticBag bag, Dictionary<int, TextSpan> mappings)
    {
        var records = new List<RawMapRecord>();
        if (root.Get("value") is JsonArray value)
        {
            foreach (var item in value.Items)
            {
                if (item is JsonObject record)
                {
                    records.Add(Record(record, file.Text, mappings));
                }
                else
                {
                    bag.Add(ServiceRecordRules.UnexpectedShape, item.Span, item.Path, $"An item of 'value' is {item.TypeName}, not a msdyn_dualwriteentitymap record.");
                }
            }
        }
        else
        {
            records.Add(Record(root, file.Text, mappings));
        }

        return MapRecordReader.Read(records, file, bag, Deployment.Of(file));
    }

    private static RawMapRecord Record(JsonObject record, SourceText text, Dictionary<int, TextSpan> mappings)
    {
        var name = NameReference.From(record.Get("msdyn_name"))
            ?? NameReference.From(record.Get("msdyn_displayname"))
            ?? NameReference.From(record.Get("msdyn_dualwriteentitymapid"))
            ?? new NameReference("(unnamed record)", record.AnchorSpan);
        var display = NameReference.From(record.Get("msdyn_displayname")) is { Value.Length: > 0 } d ? d : name;
        var mapping = record.GetProperty("msdyn_mapping");
        // A blanked literal reads as the number 0 at the literal's start (see MappingLiterals).
        TextSpan? literal = mapping?.Value switch
        {
            JsonNumber blanked when mappings.TryGetValue(blanked.Span.Start, out var span) => span,
            JsonString inline => inline.Span,
            _ => null,
        };
        return new RawMapRecord
        {
            Facts = new MapRecord
            {
                Name = name,
                DisplayName = display,
                Id = record.GetString("msdyn_dualwriteentitymapid"),
                Version = NameReference.From(record.Get("msdyn_version")),
                IsManaged = record.GetBoolean("ismanaged"),
                ManagedSpan = record.Get("ismanaged")?.Span ?? record.AnchorSpan,
                StateCode = record.GetInteger("statecode") is { } state ? (int)state : null,
                CreatedOn = record.GetString("createdon"),
                Span = record.Span,
            },
            Mapping = literal is { } at ? EmbeddedText.FromJsonString(text.Utf8, at, null) : null,
            MappingObject = mapping?.Value as JsonObject,
            MappingSpan = literal ?? mapping?.Value.Span ?? record.AnchorSpan,
            MappingState = mapping is null ? "missing" : mapping.Value.Kind == JsonNodeKind.Null ? "null" : mapping.Value.TypeName,
        };
    }
}

/// <summary>Which export, solution or project a map read from the service's records belongs to (see <see cref="TableMap.Deployment"/>).</summary>
internal static class Deployment
{
    /// <summary>The folder of the file: the pages of one Web API export, or the parts of one unpacked solution, are one deployment.</summary>
    public static string Of(SourceFile file) => Path.GetDirectoryName(file.FullPath) ?? file.FullPath;

    /// <summary>
    /// An unpacked solution: the folder `pac solution unpack` wrote, which holds Other/Customizations.xml beside
    /// Other/Solution.xml; a Customizations.xml elsewhere is its folder's.
    /// </summary>
    public static string OfCustomizations(SourceFile file) =>
        Of(file) is var folder && string.Equals(Path.GetFileName(folder), "Other", StringComparison.OrdinalIgnoreCase) && Path.GetDirectoryName(folder) is { } solution ? solution : Of(file);
}
