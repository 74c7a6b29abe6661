using System.Text.Json;
using MapLint.Syntax;
using MapLint.Text;
using static MapLint.Model.ReaderBinding;

namespace MapLint.Model;

/// <summary>
/// Binds the entities of a valid entityMetadata document straight from the JSON reader, without a syntax node per
/// value: metadata is most of a large repository's bytes, and building its tree cost six times tokenizing it. It
/// accepts only what the entity shape accepts, with no duplicate key; on anything else it gives up (returns
/// null) and the document goes through the syntax tree, which words the findings. A test checks that both paths
/// bind the same entities and report the same findings, on every example and on thousands of mutations.
/// </summary>
internal static class EntityMetadataBinder
{
    private static readonly HashSet<string> TypeNames = new(FieldDefinition.TypeNames, StringComparer.Ordinal);
    private static readonly byte[] NotInteger = [(byte)'.', (byte)'e', (byte)'E'];

    /// <summary>The entities, bound; null when anything is not plainly valid.</summary>
    /// <remarks><paramref name="wanted"/>: bind only the entities it accepts, skipping the others' values (a file known to be valid, read for one entity).</remarks>
    public static List<EntityDefinition>? Bind(EntityMetadataDocument document, byte[] utf8, (int Start, int End) range, Func<string, bool>? wanted = null)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(range.Start, range.End - range.Start), ReaderBinding.Options);
            return ReadEntities(ref reader, document, range.Start, NameTable.Current, new HashSet<string>(StringComparer.Ordinal), wanted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<EntityDefinition>? ReadEntities(ref Utf8JsonReader reader, EntityMetadataDocument document, int offset, NameTable names, HashSet<string> fieldNames, Func<string, bool>? wanted)
    {
        var entities = new List<EntityDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int start = offset + (int)reader.TokenStartIndex;
            string name = String(ref reader, names);
            var nameSpan = new TextSpan(start, start + reader.ValueSpan.Length + 2);
            if (wanted is not null && !wanted(name))
            {
                if (!seen.Add(name))
                {
                    return null;
                }

                reader.Skip();
                continue;
            }

            if (!seen.Add(name) || ReadEntity(ref reader, names, fieldNames) is not { } entity)
            {
                return null;
            }

            entities.Add(new EntityDefinition(document, name, nameSpan, entity));
        }

        return reader.TokenType == JsonTokenType.EndObject ? entities : null;
    }

    private static EntityValues? ReadEntity(ref Utf8JsonReader reader, NameTable names, HashSet<string> fieldNames)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var values = new EntityValues();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string property = String(ref reader, names);
            if (!First(ref seen, property, EntityProperties) || !reader.Read())
            {
                return null;
            }

            bool ok = property switch
            {
                "description" => AnyString(ref reader),
                "companyScope" => Enum(ref reader, out values.CompanyScope, "company", "global"),
                "crossCompanyDataSharing" => Flag(ref reader, out values.CrossCompanyDataSharing),
                "tableType" => Enum(ref reader, out values.TableType, "standard", "virtual", "elastic"),
                "hasVersionNumber" => Flag(ref reader, out values.HasVersionNumber),
                "companyField" => NonEmpty(ref reader, names, out values.CompanyField),
                "entitySetName" => NonEmpty(ref reader, names, out values.EntitySetName),
                "keys" => Keys(ref reader, names, out values.Keys),
                "fields" => Fields(ref reader, names, fieldNames, out values.Fields),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && values.Fields is not null ? values : null;
    }

    private static bool Fields(ref Utf8JsonReader reader, NameTable names, HashSet<string> seen, out FieldTable.Builder? fields)
    {
        fields = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var list = new FieldTable.Builder();
        seen.Clear();
        var field = default(FieldValues);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = String(ref reader, names);
            if (!seen.Add(name) || !reader.Read() || !ReadField(ref reader, names, ref field))
            {
                return false;
            }

            list.Add(name, field);
        }

        fields = list;
        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool ReadField(ref Utf8JsonReader reader, NameTable names, ref FieldValues values)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        values = default;
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string property = String(ref reader, names);
            if (!First(ref seen, property, FieldProperties) || !reader.Read())
            {
                return false;
            }

            bool ok = property switch
            {
                "type" => reader.TokenType == JsonTokenType.String && TypeNames.Contains(values.Type = String(ref reader, names)),
                "maxLength" => Integer(ref reader, 1, out values.MaxLength),
                "precision" => Integer(ref reader, 0, out values.Precision),
                "required" => Flag(ref reader, out values.Required),
                "readOnly" => Flag(ref reader, out values.ReadOnly),
                "virtual" => Flag(ref reader, out values.Virtual),
                "target" => NonEmpty(ref reader, names, out values.Target),
                "values" => Scalars(ref reader, names, out values.Values),
                "targets" => NameList(ref reader, names, out values.Targets),
                "description" => AnyString(ref reader),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && values.Type is not null;
    }

    private static readonly string[] EntityProperties = ["description", "companyScope", "crossCompanyDataSharing", "tableType", "hasVersionNumber", "companyField", "entitySetName", "keys", "fields"];
    private static readonly string[] FieldProperties = ["type", "maxLength", "precision", "required", "readOnly", "virtual", "target", "targets", "values", "description"];

    /// <summary>An array of non-empty strings (a polymorphic lookup's targets).</summary>
    private static bool NameList(ref Utf8JsonReader reader, NameTable names, out List<string>? list)
    {
        list = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var result = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            string name = String(ref reader, names);
            if (name.Length == 0)
            {
                return false;
            }

            result.Add(name);
        }

        list = result;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Keys(ref Utf8JsonReader reader, NameTable names, out List<IReadOnlyList<string>>? keys)
    {
        keys = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<IReadOnlyList<string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var key = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                if (reader.ValueSpan.Length == 0)
                {
                    return false;
                }

                key.Add(String(ref reader, names));
            }

            if (reader.TokenType != JsonTokenType.EndArray || key.Count == 0)
            {
                return false;
            }

            list.Add(key);
        }

        keys = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Scalars(ref Utf8JsonReader reader, NameTable names, out List<string>? values)
    {
        values = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Scalar(ref reader, names) is not { } value)
            {
                return false;
            }

            list.Add(value);
        }

        values = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Integer(ref Utf8JsonReader reader, long minimum, out long? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || reader.ValueSpan.IndexOfAny(NotInteger) >= 0 || !reader.TryGetInt64(out long v) || v < minimum)
        {
            return false;
        }

        value = v;
        return true;
    }

    private static bool Flag(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null;
    }

    private static bool Enum(ref Utf8JsonReader reader, out string? value, params string[] allowed)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null && Array.IndexOf(allowed, value) >= 0;
    }
}

/// <summary>An entity's values as written, before they become an <see cref="EntityDefinition"/>.</summary>
internal sealed class EntityValues
{
    public string? CompanyScope;
    public bool? CrossCompanyDataSharing;
    public string? TableType;
    public bool? HasVersionNumber;
    public string? CompanyField;
    public string? EntitySetName;
    public List<IReadOnlyList<string>>? Keys;
    public FieldTable.Builder? Fields;
}

/// <summary>A field's values as written, before they become a <see cref="FieldDefinition"/>; a struct, reused field after field.</summary>
internal struct FieldValues
{
    public string? Type;
    public long? MaxLength;
    public long? Precision;
    public bool? Required;
    public bool? ReadOnly;
    public bool? Virtual;
    public string? Target;
    public List<string>? Targets;
    public List<string>? Values;
}
