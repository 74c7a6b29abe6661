using System.Text;
using System.Text.Json;

namespace MapLint.Documents;

/// <summary>Writes a document kind's <see cref="Shape"/> as a JSON Schema (draft-07) for editors and other tools.</summary>
public static class SchemaWriter
{
    public const string SchemaBaseUri = "https://raw.githubusercontent.com/maplint/maplint/main/schemas/";

    public static string Write(DocumentKindInfo kind) => Write(kind.Name, kind.SchemaFileName, kind.Shape);

    public static string Write(string name, string fileName, ObjectShape shape)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            writer.WriteString("$id", SchemaBaseUri + fileName);
            writer.WriteString("title", "MapLint " + name);
            WriteBody(writer, shape);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteShape(Utf8JsonWriter writer, Shape shape)
    {
        writer.WriteStartObject();
        WriteBody(writer, shape);
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, Shape shape)
    {
        if (shape.Description is { } description)
        {
            writer.WriteString("description", description);
        }

        switch (shape)
        {
            case ObjectShape obj:
                writer.WriteString("type", "object");
                writer.WriteStartObject("properties");
                foreach (var property in obj.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    if (property.Description is not null && property.Shape.Description is null)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("description", property.Description);
                        WriteBody(writer, property.Shape);
                        writer.WriteEndObject();
                    }
                    else
                    {
                        WriteShape(writer, property.Shape);
                    }
                }

                writer.WriteEndObject();
                var required = obj.Properties.Where(p => p.Required).ToList();
                if (required.Count > 0)
                {
                    writer.WriteStartArray("required");
                    foreach (var property in required)
                    {
                        writer.WriteStringValue(property.Name);
                    }

                    writer.WriteEndArray();
                }

                if (obj.AdditionalProperties is { } entries)
                {
                    writer.WritePropertyName("additionalProperties");
                    WriteShape(writer, entries);
                }
                else
                {
                    writer.WriteBoolean("additionalProperties", false);
                }

                break;
            case ArrayShape array:
                writer.WriteString("type", "array");
                if (array.MinItems > 0)
                {
                    writer.WriteNumber("minItems", array.MinItems);
                }

                writer.WritePropertyName("items");
                WriteShape(writer, array.Items);
                break;
            case StringShape text:
                writer.WriteString("type", "string");
                if (text.MinLength > 0)
                {
                    writer.WriteNumber("minLength", text.MinLength);
                }

                if (text.Enum is { } values)
                {
                    writer.WriteStartArray("enum");
                    foreach (var value in values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                }

                break;
            case IntegerShape integer:
                writer.WriteString("type", "integer");
                if (integer.Minimum is { } minimum)
                {
                    writer.WriteNumber("minimum", minimum);
                }

                break;
            case BooleanShape:
                writer.WriteString("type", "boolean");
                break;
            case ScalarShape:
                writer.WriteStartArray("type");
                writer.WriteStringValue("string");
                writer.WriteStringValue("number");
                writer.WriteStringValue("boolean");
                writer.WriteEndArray();
                break;
        }
    }
}
