using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// The service's connection set document (microsoft/Dual-write-automations DWLibary/Struct/DWConnectionSet.cs):
/// <c>environments</c> keyed by name, <c>dataPartitionMappings[]</c> and <c>dualWriteDetail.legalEntityMappings</c>
/// (legal entity to business unit), as a MapLint connectionSet.
/// </summary>
internal static class ConnectionSetDocumentReader
{
    public static bool IsConnectionSet(JsonObject root) =>
        root.GetProperty("dataPartitionMappings") is not null
        || root.GetProperty("dualWriteDetail") is not null
        || (root.Get("environments") is JsonObject environments && environments.Properties.Any(p => p.Value is JsonObject e && e.GetProperty("targetType") is not null));

    public static ConnectionSet Read(JsonObject root, SourceFile file, DiagnosticBag bag)
    {
        var name = NameReference.From(root.Get("name")) ?? new NameReference(Path.GetFileNameWithoutExtension(file.DisplayPath), root.AnchorSpan);
        var environments = new List<JsonNode>();
        var connections = new List<JsonNode>();
        var appOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.Get("environments") is JsonObject map ? map.Properties : default)
        {
            if (property.Value is not JsonObject environment)
            {
                continue;
            }

            string environmentName = environment.GetString("name") is { Length: > 0 } n ? n : property.Name;
            var type = environment.Get("targetType") as JsonString;
            var url = (environment.Get("directUrl") ?? environment.Get("metadataUrl")) as JsonString;
            string? app = type is null ? null : MapDefinitionReader.AppOf(type.Value);
            if (app is not null)
            {
                appOf[environmentName] = app;
            }

            environments.Add(SyntaxBuilder.Object(
                environment.Span,
                ("name", default, SyntaxBuilder.String(environmentName, property.NameSpan)),
                ("app", default, type is null ? null : SyntaxBuilder.String(app!, type.Span)),
                ("url", default, url is { Value.Length: > 0 } ? SyntaxBuilder.String(url.Value, url.Span) : null)));
            var display = environment.Get("connectionDisplayName") as JsonString;
            connections.Add(SyntaxBuilder.Object(
                environment.Span,
                ("name", default, SyntaxBuilder.String(display?.Value is { Length: > 0 } d ? d : environmentName, display?.Span ?? property.NameSpan)),
                ("app", default, type is null ? null : SyntaxBuilder.String(app!, type.Span)),
                ("environment", default, SyntaxBuilder.String(environmentName, property.NameSpan))));
        }

        var organizationMappings = new List<JsonNode>();
        var seenPairs = new HashSet<(string, string)>();
        foreach (var mapping in root.Get("dataPartitionMappings") is JsonArray partitions ? partitions.Items.OfType<JsonObject>() : [])
        {
            var first = mapping.Get("firstPartition") as JsonString;
            var second = mapping.Get("secondPartition") as JsonString;
            bool firstIsLegalEntity = !Apps.IsDataverse(appOf.GetValueOrDefault(mapping.GetString("firstPartitionEnvName") ?? string.Empty));
            Add(mapping.Span, firstIsLegalEntity ? first : second, firstIsLegalEntity ? second : first);
        }

        var legalEntityMappings = root.GetObject("dualWriteDetail")?.GetObject("legalEntityMappings");
        if (legalEntityMappings is not null)
        {
            bool leftIsLegalEntity = !Apps.IsDataverse(appOf.GetValueOrDefault(legalEntityMappings.GetString("leftEnvironment") ?? string.Empty));
            foreach (var mapping in legalEntityMappings.Get("mappings") is JsonArray pairs ? pairs.Items.OfType<JsonObject>() : [])
            {
                var left = mapping.GetObject("left")?.Get("name") as JsonString;
                var right = mapping.GetObject("right")?.Get("name") as JsonString;
                Add(mapping.Span, leftIsLegalEntity ? left : right, leftIsLegalEntity ? right : left);
            }
        }

        var result = SyntaxBuilder.Object(
            root.Span,
            ("kind", default, SyntaxBuilder.String("connectionSet", name.Span)),
            ("name", default, SyntaxBuilder.String(name.Value, name.Span)),
            ("environments", default, SyntaxBuilder.Array(root.Get("environments")?.Span ?? root.AnchorSpan, environments)),
            ("connections", default, SyntaxBuilder.Array(root.Get("environments")?.Span ?? root.AnchorSpan, connections)),
            ("organizationMappings", default, organizationMappings.Count > 0 ? SyntaxBuilder.Array(organizationMappings[0].Span, organizationMappings) : null));
        return (ConnectionSet)DocumentKinds.ConnectionSet.Bind(file, result);

        void Add(TextSpan span, JsonString? legalEntity, JsonString? businessUnit)
        {
            if (legalEntity is null || businessUnit is null)
            {
                bag.Add(ServiceRecordRules.UnexpectedShape, span, null, "An organization mapping of the connection set lacks its legal entity or business unit name; it is left out.");
                return;
            }

            // dataPartitionMappings and dualWriteDetail.legalEntityMappings may both hold a pair: it is one mapping.
            if (!seenPairs.Add((legalEntity.Value.ToUpperInvariant(), businessUnit.Value.ToUpperInvariant())))
            {
                return;
            }

            organizationMappings.Add(SyntaxBuilder.Object(
                span,
                ("legalEntity", default, SyntaxBuilder.String(legalEntity.Value, legalEntity.Span)),
                ("businessUnit", default, SyntaxBuilder.String(businessUnit.Value, businessUnit.Span))));
        }
    }
}
