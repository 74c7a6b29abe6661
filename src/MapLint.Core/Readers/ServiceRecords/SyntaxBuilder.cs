using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// Builds MapLint-shaped syntax trees whose spans point into the user's file: a service record is turned into the
/// document it means (a tableMap, project, connectionSet or entityMetadata), and the existing binders and rules run
/// on it unchanged, reporting at the characters the record holds.
/// </summary>
internal static class SyntaxBuilder
{
    public static JsonString String(string value, TextSpan span, int[]? charOffsets = null) => new(value, span) { CharOffsets = charOffsets };

    public static JsonNumber Number(long value, TextSpan span) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), span);

    public static JsonLiteral Boolean(bool value, TextSpan span) => new(value ? JsonNodeKind.True : JsonNodeKind.False, span);

    public static JsonObject Object(TextSpan span, params (string Name, TextSpan NameSpan, JsonNode? Value)[] properties) =>
        Object(span, (IEnumerable<(string, TextSpan, JsonNode?)>)properties);

    public static JsonObject Object(TextSpan span, IEnumerable<(string Name, TextSpan NameSpan, JsonNode? Value)> properties)
    {
        var result = new JsonObject(span);
        foreach (var (name, nameSpan, value) in properties)
        {
            if (value is null || result.GetProperty(name) is not null)
            {
                continue;
            }

            var property = new JsonProperty(name, nameSpan, value);
            value.Parent = result;
            value.Name = name;
            if (value is JsonObject child)
            {
                child.OwnerProperty = property;
            }

            result.Add(property);
        }

        return result;
    }

    public static JsonArray Array(TextSpan span, IEnumerable<JsonNode> items)
    {
        var result = new JsonArray(span);
        foreach (var item in items)
        {
            item.Parent = result;
            item.Index = result.Items.Count;
            result.Add(item);
        }

        return result;
    }

    /// <summary>A scalar of a record (string, number, boolean, null) with its span moved into the file.</summary>
    public static JsonNode? Scalar(JsonNode? node, Func<TextSpan, TextSpan> toFile) => node switch
    {
        JsonString s => new JsonString(s.Value, toFile(s.Span)),
        JsonNumber n => new JsonNumber(n.Raw, toFile(n.Span)),
        JsonLiteral l => new JsonLiteral(l.Kind, toFile(l.Span)),
        _ => null,
    };
}
