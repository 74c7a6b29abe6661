using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MapLint.Metadata;
using MapLint.Model;
using MapLint.Syntax;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// Writes documents read from the service's records as MapLint's own readable documents, for review in diffs:
/// properties in a fixed order, mappings sorted (by destination, then source) one per line, metadata through the
/// same writer as `maplint metadata import`. Same records, same bytes.
/// </summary>
public static class ImportWriter
{
    public static string Write(TableMap map)
    {
        var text = new StringBuilder("{\n");
        text.Append("  \"kind\": \"tableMap\",\n");
        text.Append("  \"name\": ").Append(Quote(map.Name)).Append(",\n");
        if (map.Records is { } records)
        {
            var version = records.Checked.Version is { } v ? " version " + v.Value : string.Empty;
            text.Append("  \"description\": ").Append(Quote($"Imported from record {records.Checked.Name.Value}{version} ({Path.GetFileName(map.File.DisplayPath)}).")).Append(",\n");
        }

        text.Append("  \"source\": ").Append(Side(map.Source)).Append(",\n");
        text.Append("  \"destination\": ").Append(Side(map.Destination)).Append(",\n");
        text.Append("  \"mappings\": [");
        var mappings = map.Mappings
            .OrderBy(m => m.Destination?.Text ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.Source?.Text ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(m => m.Direction)
            .ToList();
        for (int i = 0; i < mappings.Count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append("    ").Append(Mapping(mappings[i]));
        }

        text.Append(mappings.Count == 0 ? "]\n" : "\n  ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    public static string Write(Project project)
    {
        var text = new StringBuilder("{\n");
        text.Append("  \"kind\": \"project\",\n");
        text.Append("  \"name\": ").Append(Quote(project.Name)).Append(",\n");
        text.Append("  \"connectionSet\": ").Append(Quote(project.ConnectionSetName?.Value ?? string.Empty)).Append(",\n");
        text.Append("  \"tasks\": [");
        for (int i = 0; i < project.Tasks.Count; i++)
        {
            var task = project.Tasks[i];
            text.Append(i == 0 ? "\n" : ",\n").Append("    { \"name\": ").Append(Quote(task.Name))
                .Append(", \"source\": ").Append(Quote(task.SourceEnvironment?.Value ?? string.Empty))
                .Append(", \"destination\": ").Append(Quote(task.DestinationEnvironment?.Value ?? string.Empty))
                .Append(", \"map\": ").Append(Quote(task.MapName?.Value ?? task.Name)).Append(" }");
        }

        text.Append(project.Tasks.Count == 0 ? "]\n" : "\n  ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    public static string Write(ConnectionSet set)
    {
        var text = new StringBuilder("{\n");
        text.Append("  \"kind\": \"connectionSet\",\n");
        text.Append("  \"name\": ").Append(Quote(set.Name)).Append(",\n");
        text.Append("  \"environments\": [");
        text.Append(string.Join(",", set.Environments.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e =>
            "\n    { \"name\": " + Quote(e.Name) + Optional("app", e.App?.Value) + Optional("url", e.Url?.Value) + " }")));
        text.Append(set.Environments.Count == 0 ? "],\n" : "\n  ],\n");
        text.Append("  \"connections\": [");
        text.Append(string.Join(",", set.Connections.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c =>
            "\n    { \"name\": " + Quote(c.Name) + Optional("app", c.App?.Value) + Optional("environment", c.Environment?.Value) + " }")));
        text.Append(set.Connections.Count == 0 ? "],\n" : "\n  ],\n");
        text.Append("  \"organizationMappings\": [");
        text.Append(string.Join(",", set.OrganizationMappings
            .OrderBy(o => o.LegalEntity?.Value, StringComparer.Ordinal)
            .Select(o => "\n    { \"legalEntity\": " + Quote(o.LegalEntity?.Value ?? string.Empty) + ", \"businessUnit\": " + Quote(o.BusinessUnit?.Value ?? string.Empty) + " }")));
        text.Append(set.OrganizationMappings.Count == 0 ? "]\n" : "\n  ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>A project's cached schemas, through the writer `maplint metadata import` uses.</summary>
    public static string Write(EntityMetadataDocument metadata)
    {
        var entities = metadata.Entities.Select(e =>
        {
            var entity = new ExportedEntity(e.Name) { CompanyScope = e.CompanyScope, CompanyField = e.CompanyField, EntitySetName = e.EntitySetName, CrossCompanyDataSharing = e.CrossCompanyDataSharing, TableType = e.TableType };
            entity.Keys.AddRange(e.Keys.Select(k => k.ToList()));
            foreach (var f in e.Fields)
            {
                entity.Fields[f.Name] = new ExportedField(f.Name, f.Type) { MaxLength = f.MaxLength, Precision = f.Precision, Required = f.Required, ReadOnly = f.ReadOnly, Target = f.Target, Values = f.Values };
            }

            return entity;
        }).ToList();
        return EntityMetadataWriter.Write(new MetadataExport(metadata.App, entities), schemaPath: null);
    }

    private static string Side(MapSide side) =>
        "{ \"app\": " + Quote(side.App) + ", \"entity\": " + Quote(side.Entity) + (side.Filter is { } filter ? ", \"filter\": " + Quote(filter.Text) : string.Empty) + " }";

    private static string Mapping(FieldMapping mapping)
    {
        var text = new StringBuilder("{ ");
        if (mapping.Source is { } source)
        {
            text.Append("\"source\": ").Append(Quote(source.Text)).Append(", ");
        }

        text.Append("\"direction\": ").Append(Quote(mapping.Direction.Symbol()));
        if (mapping.Destination is { } destination)
        {
            text.Append(", \"destination\": ").Append(Quote(destination.Text));
        }

        if (mapping.Transform is { } transform)
        {
            var parts = new List<string>();
            if (transform.DefaultValue is { } value && Scalar(value) is { } written)
            {
                parts.Add("\"defaultValue\": " + written);
            }

            if (transform.ValueMap is { Count: > 0 } valueMap)
            {
                parts.Add("\"valueMap\": [" + string.Join(", ", valueMap.Select(e => "{ \"source\": " + Quote(e.Source) + ", \"destination\": " + Quote(e.Destination) + " }")) + "]");
            }

            text.Append(", \"transform\": { ").Append(string.Join(", ", parts)).Append(" }");
        }

        return text.Append(" }").ToString();
    }

    private static string? Scalar(JsonNode node) => node switch
    {
        JsonString s => Quote(s.Value),
        JsonNumber n => n.Raw,
        { Kind: JsonNodeKind.True } => "true",
        { Kind: JsonNodeKind.False } => "false",
        _ => null,
    };

    private static string Optional(string name, string? value) => value is null ? string.Empty : ", " + Quote(name) + ": " + Quote(value);

    // JsonEncodedText rather than the serializer: the native build has nothing to reflect on.
    private static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    /// <summary>A file name for a document: its name in lower case, letters and digits, words joined by '-'.</summary>
    public static string FileName(string name)
    {
        var text = new StringBuilder();
        foreach (char c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) && c < 0x80)
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        string result = text.ToString().Trim('-');
        return (result.Length == 0 ? "document" : result.Length > 80 ? result[..80].TrimEnd('-') : result) + ".json";
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
