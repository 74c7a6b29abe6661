using System.Globalization;
using System.Text;
using System.Text.Json;
using MapLint.Fixes;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;
using JsonObject = MapLint.Syntax.JsonObject;
using JsonNode = MapLint.Syntax.JsonNode;
using JsonArray = MapLint.Syntax.JsonArray;

namespace MapLint.LanguageServer;

/// <summary>
/// Hover and go-to-definition on a table map: a field of a mapping shows its metadata (type, length, required,
/// key) and leads to its entry in the metadata; a lookup shows the table it points to and the map that
/// synchronizes that table, and leads to that map.
/// </summary>
internal sealed class Navigation(WorkspaceAnalysis analysis, byte[] text, string root)
{
    private readonly FixDocument document = new(text);

    /// <summary>The field under the cursor: its mapping side's app and entity, and the field text.</summary>
    private (string App, string Entity, string Field, JsonString Node)? FieldAt(int offset)
    {
        if (document.Root is not JsonObject map || map.GetString("kind") != "tableMap" || NodeAt(map, offset) is not JsonString node
            || node.Name is not ("source" or "destination") || node.Parent is not JsonObject mapping || mapping.Parent is not JsonArray mappings
            || !ReferenceEquals(map.Get("mappings"), mappings) || map.GetObject(node.Name) is not { } side
            || side.GetString("app") is not { } app || side.GetString("entity") is not { } entity)
        {
            return null;
        }

        return (app, entity, node.Value, node);
    }

    public void WriteHover(Utf8JsonWriter w, int offset)
    {
        if (FieldAt(offset) is not { } at)
        {
            w.WriteNullValue();
            return;
        }

        var model = analysis.Result.Model;
        int dot = at.Field.IndexOf('.');
        string column = dot > 0 ? at.Field.Substring(0, dot) : at.Field;
        string? keyColumn = dot > 0 ? at.Field.Substring(dot + 1) : null;
        var markdown = new StringBuilder();
        var entity = model.Metadata.FindEntity(at.App, at.Entity);
        var field = entity?.FindField(column);
        if (entity is null)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"**{column}**: no metadata for {Apps.DisplayName(at.App)} entity `{at.Entity}` in this workspace.");
        }
        else if (field is null)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"**{column}** is not a field of {Apps.DisplayName(at.App)} entity `{entity.Name}`.");
        }
        else
        {
            markdown.Append(CultureInfo.InvariantCulture, $"**{field.Name}**: {Describe(entity, field)}  \n{Apps.DisplayName(at.App)} entity `{entity.Name}` ({entity.Document.File.DisplayPath})");
            if (field.Target is { } target)
            {
                var targetEntity = model.Metadata.FindEntity(at.App, target);
                markdown.Append(CultureInfo.InvariantCulture, $"\n\nLookup to `{target}`");
                if (keyColumn is not null)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $" through `{keyColumn}`");
                    if (targetEntity?.FindField(keyColumn) is { } key)
                    {
                        markdown.Append(CultureInfo.InvariantCulture, $" ({Describe(targetEntity, key)})");
                    }
                }

                var maps = model.MapsOfTable(at.App, target).OrderBy(m => m.File.DisplayPath, StringComparer.Ordinal).ToList();
                markdown.Append(maps.Count == 0
                    ? $".  \nNo map in this workspace synchronizes `{target}`."
                    : ".  \nSynchronized by " + string.Join(", ", maps.Select(m => $"map '{m.Name}' ({m.File.DisplayPath})")) + ".");
            }
        }

        w.WriteStartObject();
        w.WriteStartObject("contents");
        w.WriteString("kind", "markdown");
        w.WriteString("value", markdown.ToString());
        w.WriteEndObject();
        Positions.WriteRange(w, "range", document.Text, at.Node.Span);
        w.WriteEndObject();
    }

    private static string Describe(EntityDefinition entity, FieldDefinition field)
    {
        var parts = new List<string> { field.TypeName };
        if (field.MaxLength is { } length)
        {
            parts.Add("max length " + length.ToString(CultureInfo.InvariantCulture));
        }

        if (field.Precision is { } precision)
        {
            parts.Add("precision " + precision.ToString(CultureInfo.InvariantCulture));
        }

        if (field.Required)
        {
            parts.Add("required");
        }

        if (field.ReadOnly)
        {
            parts.Add("read-only");
        }

        if (entity.Keys.Any(k => k.Any(f => string.Equals(f, field.Name, StringComparison.OrdinalIgnoreCase))))
        {
            parts.Add("integration key");
        }

        return string.Join(", ", parts);
    }

    public void WriteDefinition(Utf8JsonWriter w, int offset)
    {
        var locations = new List<(string Path, SourceText Text, TextSpan Span)>();
        if (FieldAt(offset) is { } at)
        {
            var model = analysis.Result.Model;
            int dot = at.Field.IndexOf('.');
            string column = dot > 0 ? at.Field.Substring(0, dot) : at.Field;
            var entity = model.Metadata.FindEntity(at.App, at.Entity);
            var field = entity?.FindField(column);
            if (dot > 0 && field?.Target is { } target)
            {
                // A lookup leads to the map that synchronizes its table.
                foreach (var map in model.MapsOfTable(at.App, target).OrderBy(m => m.File.DisplayPath, StringComparer.Ordinal))
                {
                    locations.Add((map.File.DisplayPath, map.File.Text, map.NameSpan));
                }
            }
            else if (entity is not null)
            {
                var file = entity.Document.File;
                locations.Add((file.DisplayPath, file.Text, MetadataEntrySpan(file.Text, entity, field?.Name ?? column) ?? entity.NameSpan));
            }
        }

        if (locations.Count == 0)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartArray();
        foreach (var (displayPath, sourceText, span) in locations)
        {
            string full = analysis.FullPathOf.TryGetValue(displayPath, out var known) ? known : Path.GetFullPath(displayPath, root);
            var current = analysis.Texts.TryGetValue(full, out var bytes) ? new SourceText(bytes) : sourceText;
            w.WriteStartObject();
            w.WriteString("uri", DocumentUris.FromPath(full));
            Positions.WriteRange(w, "range", current, span);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The field's property name in an entityMetadata document (<c>entities.E.fields.F</c>), or null.</summary>
    private static TextSpan? MetadataEntrySpan(SourceText text, EntityDefinition entity, string field)
    {
        if (new FixDocument(text.Utf8).Root is not JsonObject metadata || metadata.GetObject("entities") is not { } entities)
        {
            return null;
        }

        var entry = entities.Properties.FirstOrDefault(p => string.Equals(p.Name, entity.Name, StringComparison.OrdinalIgnoreCase));
        if (entry?.Value is not JsonObject definition || definition.GetObject("fields") is not { } fields)
        {
            return entry?.NameSpan;
        }

        return fields.Properties.FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))?.NameSpan ?? entry.NameSpan;
    }

    /// <summary>The innermost node whose span holds the offset.</summary>
    private static JsonNode? NodeAt(JsonNode node, int offset)
    {
        if (offset < node.Span.Start || offset > node.Span.End)
        {
            return null;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var property in o.Properties)
                {
                    if (NodeAt(property.Value, offset) is { } inner)
                    {
                        return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a.Items)
                {
                    if (NodeAt(item, offset) is { } inner)
                    {
                        return inner;
                    }
                }

                break;
        }

        return node;
    }
}
