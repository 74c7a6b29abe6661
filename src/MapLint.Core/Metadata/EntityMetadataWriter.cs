using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MapLint.Model;

namespace MapLint.Metadata;

/// <summary>Writes an export as an entityMetadata document: entities and fields sorted, one field per line, so diffs stay small.</summary>
public static class EntityMetadataWriter
{
    public static string Write(MetadataExport export, string? schemaPath = "../schemas/entityMetadata.schema.json")
    {
        var text = new StringBuilder();
        text.Append("{\n");
        if (schemaPath is not null)
        {
            text.Append("  \"$schema\": ").Append(Quote(schemaPath)).Append(",\n");
        }

        text.Append("  \"kind\": \"entityMetadata\",\n");
        text.Append("  \"app\": ").Append(Quote(export.App)).Append(",\n");
        text.Append("  \"entities\": {");
        var entities = export.Entities.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        for (int i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            text.Append(i == 0 ? "\n" : ",\n");
            text.Append("    ").Append(Quote(entity.Name)).Append(": {\n");
            text.Append("      \"companyScope\": ").Append(Quote(entity.CompanyScope == CompanyScope.Company ? "company" : "global")).Append(",\n");
            if (entity.CompanyField is { } companyField && !IsDefaultCompanyField(export.App, companyField))
            {
                text.Append("      \"companyField\": ").Append(Quote(companyField)).Append(",\n");
            }

            if (entity.EntitySetName is { } entitySetName)
            {
                text.Append("      \"entitySetName\": ").Append(Quote(entitySetName)).Append(",\n");
            }

            if (entity.CrossCompanyDataSharing)
            {
                text.Append("      \"crossCompanyDataSharing\": true,\n");
            }

            if (entity.TableType != TableType.Standard)
            {
                text.Append("      \"tableType\": ").Append(Quote(entity.TableType == TableType.Virtual ? "virtual" : "elastic")).Append(",\n");
            }

            if (entity.Keys.Count > 0)
            {
                text.Append("      \"keys\": [").Append(string.Join(", ", entity.Keys.Select(k => "[" + string.Join(", ", k.Select(Quote)) + "]"))).Append("],\n");
            }

            text.Append("      \"fields\": {");
            int f = 0;
            foreach (var field in entity.Fields.Values)
            {
                text.Append(f++ == 0 ? "\n" : ",\n");
                text.Append("        ").Append(Quote(field.Name)).Append(": ").Append(Field(field));
            }

            text.Append(f == 0 ? "}\n" : "\n      }\n");
            text.Append("    }");
        }

        text.Append(entities.Count == 0 ? "}\n" : "\n  }\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static bool IsDefaultCompanyField(string app, string field) =>
        Apps.IsDataverse(app) ? field == "msdyn_company" : string.Equals(field, "dataAreaId", StringComparison.OrdinalIgnoreCase);

    private static string Field(ExportedField field)
    {
        var parts = new List<string> { "\"type\": " + Quote(FieldDefinition.TypeNames[(int)field.Type]) };
        if (field.MaxLength is { } maxLength)
        {
            parts.Add("\"maxLength\": " + maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (field.Precision is { } precision)
        {
            parts.Add("\"precision\": " + precision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (field.Required)
        {
            parts.Add("\"required\": true");
        }

        if (field.ReadOnly)
        {
            parts.Add("\"readOnly\": true");
        }

        if (field.Target is { } target)
        {
            parts.Add("\"target\": " + Quote(target));
        }

        if (field.Targets is { Count: > 1 } targets)
        {
            parts.Add("\"targets\": [" + string.Join(", ", targets.Select(Quote)) + "]");
        }

        if (field.Values is { } values)
        {
            parts.Add("\"values\": [" + string.Join(", ", values.Select(v => field.NumericValues ? v : Quote(v))) + "]");
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    // JsonEncodedText rather than the serializer: same escaping, and nothing the native build would have to reflect on.
    private static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
