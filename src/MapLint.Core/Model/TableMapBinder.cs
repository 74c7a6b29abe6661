using System.Globalization;
using System.Text.Json;
using MapLint.Syntax;
using MapLint.Text;
using static MapLint.Model.ReaderBinding;

namespace MapLint.Model;

/// <summary>
/// Binds the mappings of a valid table map straight from the JSON reader, as <see cref="EntityMetadataBinder"/>
/// does for entities: no syntax node per value. It accepts only what the field mapping shape accepts, with no
/// duplicate key; on anything else it gives up and the map goes through the syntax tree. A test checks that
/// both paths bind and report the same, on every example and on thousands of mutations.
/// </summary>
internal static class TableMapBinder
{
    private static readonly string[] MappingProperties = ["source", "direction", "destination", "transform", "description", "suppressions"];
    private static readonly string[] TransformProperties = ["defaultValue", "valueMap"];
    private static readonly string[] EntryProperties = ["source", "destination"];
    private static readonly string[] SuppressionProperties = ["rule", "justification"];

    /// <summary>The mappings, bound; null when anything is not plainly valid.</summary>
    public static List<FieldMapping>? Bind(TableMap map, byte[] utf8, (int Start, int End) range)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(range.Start, range.End - range.Start), ReaderBinding.Options);
            return ReadMappings(ref reader, map, range.Start, NameTable.Current);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<FieldMapping>? ReadMappings(ref Utf8JsonReader reader, TableMap map, int offset, NameTable names)
    {
        var mappings = new List<FieldMapping>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var values = default(MappingValues);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            int index = mappings.Count;
            if (!ReadMapping(ref reader, offset, index, names, ref values))
            {
                return null;
            }

            mappings.Add(new FieldMapping(map, index, index, values));
        }

        return reader.TokenType == JsonTokenType.EndArray ? mappings : null;
    }

    private static bool ReadMapping(ref Utf8JsonReader reader, int offset, int index, NameTable names, ref MappingValues values)
    {
        int start = offset + (int)reader.TokenStartIndex;
        values = default;
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string property = String(ref reader, names);
            if (!First(ref seen, property, MappingProperties) || !reader.Read())
            {
                return false;
            }

            int at = offset + (int)reader.TokenStartIndex;
            bool ok = property switch
            {
                "source" => Field(ref reader, names, at, out values.Source),
                "destination" => Field(ref reader, names, at, out values.Destination),
                "direction" => Direction(ref reader, names, at, out values.Direction),
                "transform" => Transform(ref reader, offset, index, names, ref values),
                "description" => AnyString(ref reader),
                "suppressions" => Suppressions(ref reader, offset, index, names, ref values),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || values.Direction is null)
        {
            return false;
        }

        values.Span = TextSpan.FromBounds(start, offset + (int)reader.TokenStartIndex + 1);
        return true;
    }

    private static bool Field(ref Utf8JsonReader reader, NameTable names, int at, out (string Text, TextSpan Span)? field)
    {
        field = NonEmpty(ref reader, names, out string? text) ? (text!, new TextSpan(at, at + reader.ValueSpan.Length + 2)) : null;
        return field is not null;
    }

    private static bool Direction(ref Utf8JsonReader reader, NameTable names, int at, out (MapDirection Value, TextSpan Span)? direction)
    {
        direction = reader.TokenType == JsonTokenType.String && MapDirections.Parse(String(ref reader, names)) is { } value
            ? (value, new TextSpan(at, at + reader.ValueSpan.Length + 2))
            : null;
        return direction is not null;
    }

    private static bool Transform(ref Utf8JsonReader reader, int offset, int index, NameTable names, ref MappingValues values)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        values.HasTransform = true;
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string property = String(ref reader, names);
            if (!First(ref seen, property, TransformProperties) || !reader.Read())
            {
                return false;
            }

            if (property == "defaultValue")
            {
                if (Scalar(ref reader, names) is null)
                {
                    return false;
                }

                values.HasDefault = true;
            }
            else if (!ValueMap(ref reader, offset, index, names, ref values))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool ValueMap(ref Utf8JsonReader reader, int offset, int index, NameTable names, ref MappingValues values)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        int start = offset + (int)reader.TokenStartIndex;
        string path = "$.mappings[" + index.ToString(CultureInfo.InvariantCulture) + "].transform.valueMap";
        var entries = new List<ValueMapEntry>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string item = path + "[" + entries.Count.ToString(CultureInfo.InvariantCulture) + "]";
            (string Text, TextSpan Span)? source = null, destination = null;
            int seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string property = String(ref reader, names);
                if (!First(ref seen, property, EntryProperties) || !reader.Read())
                {
                    return false;
                }

                int at = offset + (int)reader.TokenStartIndex;
                int length = reader.TokenType == JsonTokenType.String ? reader.ValueSpan.Length + 2 : reader.ValueSpan.Length;
                if (Scalar(ref reader, names) is not { } text)
                {
                    return false;
                }

                var value = (text, new TextSpan(at, at + length));
                if (property == "source")
                {
                    source = value;
                }
                else
                {
                    destination = value;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || source is not { } s || destination is not { } d)
            {
                return false;
            }

            entries.Add(new ValueMapEntry(s.Text, d.Text, new SyntaxAnchor(s.Span, item + ".source"), new SyntaxAnchor(d.Span, item + ".destination")));
        }

        if (reader.TokenType != JsonTokenType.EndArray || entries.Count == 0)
        {
            return false;
        }

        values.ValueMap = entries;
        values.ValueMapAnchor = new SyntaxAnchor(TextSpan.FromBounds(start, offset + (int)reader.TokenStartIndex + 1), path);
        return true;
    }

    private static bool Suppressions(ref Utf8JsonReader reader, int offset, int index, NameTable names, ref MappingValues values)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<(string Rule, string Justification, TextSpan RuleSpan, string RulePath)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? rule = null, justification = null;
            TextSpan ruleSpan = default;
            int seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string property = String(ref reader, names);
                if (!First(ref seen, property, SuppressionProperties) || !reader.Read())
                {
                    return false;
                }

                int at = offset + (int)reader.TokenStartIndex;
                if (!NonEmpty(ref reader, names, out string? value))
                {
                    return false;
                }

                if (property == "rule")
                {
                    rule = value;
                    ruleSpan = new TextSpan(at, at + reader.ValueSpan.Length + 2);
                }
                else
                {
                    justification = value;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || rule is null || justification is null)
            {
                return false;
            }

            list.Add((rule, justification, ruleSpan, $"$.mappings[{index.ToString(CultureInfo.InvariantCulture)}].suppressions[{list.Count.ToString(CultureInfo.InvariantCulture)}].rule"));
        }

        values.Suppressions = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }
}

/// <summary>A mapping's values as written, before they become a <see cref="FieldMapping"/>.</summary>
internal struct MappingValues
{
    public TextSpan Span;
    public (string Text, TextSpan Span)? Source;
    public (string Text, TextSpan Span)? Destination;
    public (MapDirection Value, TextSpan Span)? Direction;
    public bool HasTransform;
    public bool HasDefault;
    public List<ValueMapEntry>? ValueMap;
    public SyntaxAnchor? ValueMapAnchor;
    public List<(string Rule, string Justification, TextSpan RuleSpan, string RulePath)>? Suppressions;
}
