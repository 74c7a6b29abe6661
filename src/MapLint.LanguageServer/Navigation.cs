using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MapLint.Diagnostics;
using MapLint.Fixes;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;
using MapLint.Workspace;
using JsonObject = MapLint.Syntax.JsonObject;
using JsonNode = MapLint.Syntax.JsonNode;
using JsonArray = MapLint.Syntax.JsonArray;

namespace MapLint.LanguageServer;

/// <summary>
/// Hover and go-to-definition on a table map: a field of a mapping shows its metadata (type, length, required,
/// key) and leads to its entry in the metadata; a lookup shows the table it points to and the map that
/// synchronizes that table, and leads to that map. The document is read as the engine reads it, so the same
/// works on MapLint documents and on the service's map records (a Web API export, Customizations.xml, a bare
/// definition), whose field references point through the escapes of <c>msdyn_mapping</c> into the editor's text.
/// </summary>
internal sealed class Navigation(WorkspaceAnalysis analysis, string path, byte[] text, string root)
{
    // Each hover or definition request reads the open text again; a Web API page is megabytes, so the maps of
    // the last texts asked about are kept while the editor holds those texts (an edit makes a new array).
    private static readonly ConditionalWeakTable<byte[], IReadOnlyList<TableMap>> MapsOfText = new();

    private readonly SourceText source = new(text);

    /// <summary>The table maps of the open document, their spans in the editor's text.</summary>
    private IReadOnlyList<TableMap> Maps => MapsOfText.GetValue(text, bytes =>
    {
        var file = new WorkspaceFile(path, FileDiscovery.ToDisplayPath(path, root));
        return DocumentLoader.LoadDocuments(file, bytes, new DiagnosticBag(file.DisplayPath, null)).OfType<TableMap>().ToList();
    });

    /// <summary>The field reference (a mapping's source or destination) under the cursor, and its map.</summary>
    private (TableMap Map, FieldReference Field)? FieldAt(int offset)
    {
        foreach (var map in Maps)
        {
            foreach (var mapping in map.Mappings)
            {
                foreach (var field in new[] { mapping.Source, mapping.Destination })
                {
                    if (field is not null && field.Span.Start <= offset && offset <= field.Span.End)
                    {
                        return (map, field);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Maps of the lookup's target tables in the map's deployment (an export's maps look up their own).</summary>
    private List<TableMap> TargetMaps(TableMap map, FieldReference field, FieldDefinition lookup) =>
        lookup.Targets
            .SelectMany(target => analysis.Result.Model.MapsOfTable(map, field.Side.App, target))
            .Distinct()
            .OrderBy(m => m.File.DisplayPath, StringComparer.Ordinal)
            .ThenBy(m => m.NameSpan.Start)
            .ToList();

    public void WriteHover(Utf8JsonWriter w, int offset)
    {
        if (FieldAt(offset) is not { } at)
        {
            w.WriteNullValue();
            return;
        }

        var (map, reference) = at;
        var model = analysis.Result.Model;
        string app = reference.Side.App;
        string column = reference.Column;
        var markdown = new StringBuilder();
        var entity = model.Metadata.FindEntity(app, reference.Side.Entity);
        var field = entity?.FindField(column);
        if (entity is null)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"**{column}**: no metadata for {Apps.DisplayName(app)} entity `{reference.Side.Entity}` in this workspace.");
        }
        else if (field is null)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"**{column}** is not a field of {Apps.DisplayName(app)} entity `{entity.Name}`.");
        }
        else
        {
            markdown.Append(CultureInfo.InvariantCulture, $"**{field.Name}**: {Describe(entity, field)}  \n{Apps.DisplayName(app)} entity `{entity.Name}` ({entity.Document.File.DisplayPath})");
            if (field.Target is { } target)
            {
                var targetEntity = model.Metadata.FindEntity(app, target);
                markdown.Append(CultureInfo.InvariantCulture, $"\n\nLookup to `{string.Join("`, `", field.Targets)}`");
                if (reference.KeyColumnOfTarget is { } keyColumn)
                {
                    markdown.Append(CultureInfo.InvariantCulture, $" through `{keyColumn}`");
                    if (targetEntity?.FindField(keyColumn) is { } key)
                    {
                        markdown.Append(CultureInfo.InvariantCulture, $" ({Describe(targetEntity, key)})");
                    }
                }

                var maps = TargetMaps(map, reference, field);
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
        Positions.WriteRange(w, "range", source, reference.Span);
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
            var (map, reference) = at;
            var entity = analysis.Result.Model.Metadata.FindEntity(reference.Side.App, reference.Side.Entity);
            var field = entity?.FindField(reference.Column);
            if (reference.IsLookup && field is { Target: not null })
            {
                // A lookup leads to the maps that synchronize its table.
                foreach (var target in TargetMaps(map, reference, field))
                {
                    locations.Add((target.File.DisplayPath, target.File.Text, target.NameSpan));
                }
            }
            else if (entity is not null)
            {
                var file = entity.Document.File;
                locations.Add((file.DisplayPath, file.Text, MetadataEntrySpan(file.Text, entity, field?.Name ?? reference.Column) ?? entity.NameSpan));
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
}
