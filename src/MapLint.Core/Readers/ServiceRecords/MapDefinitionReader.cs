using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>Where the nodes of a tree read from embedded text are in the user's file.</summary>
internal sealed class Placement
{
    private readonly EmbeddedText? text;

    private Placement(EmbeddedText? text)
    {
        this.text = text;
    }

    /// <summary>The tree was parsed from the file itself.</summary>
    public static Placement InFile { get; } = new(null);

    /// <summary>The tree was parsed from decoded text embedded in the file.</summary>
    public static Placement In(EmbeddedText text) => new(text);

    public TextSpan ToFile(TextSpan span) => text?.ToFile(span) ?? span;

    /// <summary>Per character, for strings a filter parser reads (its positions count characters of the value).</summary>
    public int[]? CharOffsets(JsonString node) => text?.CharOffsets(node.Span);

    public JsonString String(JsonString node) => SyntaxBuilder.String(node.Value, ToFile(node.Span));
}

/// <summary>
/// Turns a dual-write map definition (the JSON of <c>msdyn_mapping</c>, or an entity mapping task of a project
/// document: <c>legs[]</c> with their <c>fieldMappings[]</c>) into MapLint table maps, one per leg. Each side's app
/// comes from the leg's own environment type; each mapping's direction from its <c>syncDirection</c> relative to
/// the leg, with a transform when it has value transforms: the six map types of the docs.
/// </summary>
internal static class MapDefinitionReader
{
    public static List<TableMap> Read(JsonObject definition, Placement placement, NameReference name, SourceFile file, DiagnosticBag bag, string deployment)
    {
        var maps = new List<TableMap>();
        if (definition.Get("legs") is not JsonArray legs)
        {
            bag.Add(ServiceRecordRules.UnexpectedShape, placement.ToFile(definition.AnchorSpan), definition.Path, $"The map definition of '{name.Value}' has no 'legs' array; a dual-write map definition lists its legs, each with source and destination schema and field mappings.");
            return maps;
        }

        for (int l = 0; l < legs.Items.Count; l++)
        {
            if (legs.Items[l] is not JsonObject leg)
            {
                bag.Add(ServiceRecordRules.UnexpectedShape, placement.ToFile(legs.Items[l].Span), legs.Items[l].Path, $"Leg {l + 1} of '{name.Value}' is {legs.Items[l].TypeName}, not an object.");
                continue;
            }

            var legName = legs.Items.Count == 1 ? name : name with { Value = $"{name.Value} (leg {l + 1})" };
            if (ReadLeg(definition, leg, l, placement, legName, bag) is { } root)
            {
                var map = (TableMap)DocumentKinds.TableMap.Bind(file, root);
                map.Deployment = deployment;
                maps.Add(map);
            }
        }

        return maps;
    }

    private static JsonObject? ReadLeg(JsonObject definition, JsonObject leg, int index, Placement placement, NameReference name, DiagnosticBag bag)
    {
        var source = Side(definition, leg, "source", "leftEnvironmentType", placement, name, bag, "sourceFilter");
        var destination = Side(definition, leg, "destination", "rightEnvironmentType", placement, name, bag, "reversedSourceFilter");
        if (source is null || destination is null)
        {
            return null;
        }

        var fieldMappings = leg.Get("fieldMappings") as JsonArray;
        if (fieldMappings is null || fieldMappings.Items.Count == 0)
        {
            var at = fieldMappings is not null ? placement.ToFile(fieldMappings.Span) : placement.ToFile(leg.AnchorSpan);
            bag.Add(ServiceRecordRules.LegWithoutFieldMappings, at, leg.Path, index + 1, name.Value, $"{source.GetString("entity")} to {destination.GetString("entity")}");
            return null;
        }

        var mappings = new List<JsonNode>();
        foreach (var item in fieldMappings.Items)
        {
            if (item is not JsonObject fieldMapping)
            {
                bag.Add(ServiceRecordRules.UnexpectedShape, placement.ToFile(item.Span), item.Path, $"A field mapping of '{name.Value}' is {item.TypeName}, not an object.");
                continue;
            }

            if (Mapping(fieldMapping, placement, bag) is { } mapping)
            {
                mappings.Add(mapping);
            }
        }

        // The map's own span reaches its name (the record's msdyn_displayname, the task's name): findings at the
        // name belong to the map.
        var legSpan = placement.ToFile(leg.Span);
        var span = TextSpan.FromBounds(Math.Min(legSpan.Start, name.Span.Start), Math.Max(legSpan.End, name.Span.End));
        return SyntaxBuilder.Object(
            span,
            ("kind", default, SyntaxBuilder.String("tableMap", name.Span)),
            ("name", default, SyntaxBuilder.String(name.Value, name.Span)),
            ("source", default, source),
            ("destination", default, destination),
            ("mappings", default, SyntaxBuilder.Array(placement.ToFile(fieldMappings.Span), mappings)));
    }

    /// <summary>One side of the leg: its app from the environment type, its entity from the schema.</summary>
    private static JsonObject? Side(JsonObject definition, JsonObject leg, string role, string mapLevelType, Placement placement, NameReference name, DiagnosticBag bag, string filterProperty)
    {
        var schema = leg.Get(role + "Schema") as JsonString;
        if (schema is null || schema.Value.Length == 0)
        {
            bag.Add(ServiceRecordRules.UnexpectedShape, placement.ToFile(schema?.Span ?? leg.AnchorSpan), leg.Path, $"A leg of '{name.Value}' has no {role}Schema; each leg names the entity or table on its {role} side.");
            return null;
        }

        // The leg's own environment type decides the app; the map's left/right types are the fallback the service uses.
        var type = leg.Get(role + "EnvironmentType") as JsonString ?? definition.Get(mapLevelType) as JsonString;
        if (type is null || type.Value.Length == 0)
        {
            bag.Add(ServiceRecordRules.UnexpectedShape, placement.ToFile(schema.Span), leg.Path, $"The {role} of '{name.Value}' ({schema.Value}) has no {role}EnvironmentType; write AX for finance and operations or CRM for Dataverse.");
            return null;
        }

        var properties = new List<(string, TextSpan, JsonNode?)>
        {
            ("app", default, SyntaxBuilder.String(AppOf(type.Value), placement.ToFile(type.Span))),
            ("entity", default, placement.String(schema)),
        };
        if (leg.Get(filterProperty) is JsonString filter && filter.Value.Trim().Length > 0)
        {
            properties.Add(("filter", default, SyntaxBuilder.String(filter.Value, placement.ToFile(filter.Span), placement.CharOffsets(filter))));
        }

        return SyntaxBuilder.Object(placement.ToFile(schema.Span), properties);
    }

    /// <summary>The service's environment type as a MapLint app: AX is finance and operations, CRM (CDS) Dataverse.</summary>
    public static string AppOf(string environmentType) => environmentType.Trim().ToUpperInvariant() switch
    {
        "AX" or "FO" or "FINOPS" or "FINANCEANDOPERATIONS" => Apps.FinanceAndOperations,
        "CRM" or "CE" or "CDS" or "DATAVERSE" => Apps.Dataverse,
        _ => environmentType,
    };

    private static JsonObject? Mapping(JsonObject fieldMapping, Placement placement, DiagnosticBag bag)
    {
        var directionNode = fieldMapping.Get("syncDirection");
        var direction = directionNode is null ? null : SyncDirection(directionNode);
        if (direction is null)
        {
            string shown = directionNode switch
            {
                null => "(missing)",
                JsonString s => "'" + s.Value + "'",
                JsonNumber n => n.Raw,
                _ => directionNode.TypeName,
            };
            bag.Add(ServiceRecordRules.UnknownSyncDirection, placement.ToFile(directionNode?.Span ?? fieldMapping.AnchorSpan), fieldMapping.Path, shown);
            return null;
        }

        var transform = Transform(fieldMapping, placement);
        string symbol = (direction, transform is not null) switch
        {
            (3, false) => "=",
            (3, true) => "><",
            (1, false) => ">",
            (1, true) => ">>",
            (2, false) => "<",
            _ => "<<",
        };

        return SyntaxBuilder.Object(
            placement.ToFile(fieldMapping.Span),
            ("source", default, Field(fieldMapping.Get("sourceField"), placement)),
            ("direction", default, SyntaxBuilder.String(symbol, placement.ToFile(directionNode!.Span))),
            ("destination", default, Field(fieldMapping.Get("destinationField"), placement)),
            ("transform", default, transform));
    }

    private static JsonString? Field(JsonNode? node, Placement placement) =>
        node is JsonString { Value.Length: > 0 } field ? placement.String(field) : null;

    /// <summary>1, 2 or 3 as a number, a numeric string, or the names the service's own tools use.</summary>
    public static int? SyncDirection(JsonNode node)
    {
        string? text = node switch
        {
            JsonNumber n => n.Raw,
            JsonString s => s.Value.Trim(),
            _ => null,
        };
        return text?.ToUpperInvariant() switch
        {
            "1" or "FOONLY" or "FO -> CE" or "SOURCETODESTINATION" => 1,
            "2" or "CEONLY" or "FO <- CE" or "DESTINATIONTOSOURCE" => 2,
            "3" or "BOTH" or "FO <-> CE" or "BIDIRECTIONAL" => 3,
            _ => null,
        };
    }

    /// <summary>valueTransforms as a MapLint transform: ValueMap pairs (F&amp;O value to Dataverse value) and a Default.</summary>
    private static JsonObject? Transform(JsonObject fieldMapping, Placement placement)
    {
        if (fieldMapping.Get("valueTransforms") is not JsonArray transforms || transforms.Items.Count == 0)
        {
            return null;
        }

        var entries = new List<JsonNode>();
        JsonNode? defaultValue = null;
        foreach (var item in transforms.Items.OfType<JsonObject>())
        {
            if (item.Get("valueMap") is JsonObject valueMap)
            {
                foreach (var pair in valueMap.Properties)
                {
                    if (SyntaxBuilder.Scalar(pair.Value, placement.ToFile) is { } destination)
                    {
                        entries.Add(SyntaxBuilder.Object(
                            placement.ToFile(pair.Span),
                            ("source", default, SyntaxBuilder.String(pair.Name, placement.ToFile(pair.NameSpan))),
                            ("destination", default, destination)));
                    }
                }
            }

            if (item.Get("defaultValue") is { Kind: not JsonNodeKind.Null } value && defaultValue is null)
            {
                defaultValue = SyntaxBuilder.Scalar(value, placement.ToFile);
            }
        }

        return SyntaxBuilder.Object(
            placement.ToFile(transforms.Span),
            ("defaultValue", default, defaultValue),
            ("valueMap", default, entries.Count > 0 ? SyntaxBuilder.Array(placement.ToFile(transforms.Span), entries) : null));
    }
}
