using System.Text.RegularExpressions;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Metadata;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// A Data Integration project document, which dual-write and Data Integrator projects share (microsoft/
/// Dual-write-automations DWLibary/Struct/DWFieldMapping.cs): <c>environments[].schemas[]</c>, the service's cached
/// metadata, become entityMetadata (one document per environment); <c>entityMappingTasks[]</c> become the project's
/// tasks and, through their legs, table maps; <c>validationIssues</c> that name DIPV codes are kept for DIPV2404.
/// </summary>
internal static class ProjectDocumentReader
{
    public static bool IsProject(JsonObject root) =>
        root.Get("entityMappingTasks") is JsonArray
        || (root.Get("environments") is JsonArray environments && environments.Items.OfType<JsonObject>().Any(e => e.GetProperty("schemas") is not null));

    public static List<MapLintDocument> Read(JsonObject root, SourceFile file, DiagnosticBag bag)
    {
        var documents = new List<MapLintDocument>();
        var name = NameReference.From(root.Get("name")) ?? new NameReference(Path.GetFileNameWithoutExtension(file.DisplayPath), root.AnchorSpan);
        var environments = root.Get("environments") is JsonArray array ? array.Items.OfType<JsonObject>().ToList() : [];
        foreach (var environment in environments)
        {
            if (Metadata(environment, file, bag) is { } metadata)
            {
                documents.Add(metadata);
            }
        }

        var tasks = new List<JsonNode>();
        var taskObjects = root.Get("entityMappingTasks") is JsonArray taskArray ? taskArray.Items.OfType<JsonObject>().OrderBy(t => t.GetInteger("order") ?? 0).ToList() : [];
        string? connectionSetName = null;
        TextSpan connectionSetSpan = name.Span;
        foreach (var task in taskObjects)
        {
            var taskName = NameReference.From(task.Get("name")) ?? new NameReference($"{name.Value} task {tasks.Count + 1}", task.AnchorSpan);
            if (connectionSetName is null && task.Get("connectionSetName") is JsonString set)
            {
                connectionSetName = set.Value;
                connectionSetSpan = set.Span;
            }

            documents.AddRange(MapDefinitionReader.Read(task, Placement.InFile, taskName, file, bag, file.FullPath));
            var leg = task.Get("legs") is JsonArray legs ? legs.Items.OfType<JsonObject>().FirstOrDefault() : null;
            tasks.Add(SyntaxBuilder.Object(
                task.Span,
                ("name", default, SyntaxBuilder.String(taskName.Value, taskName.Span)),
                ("source", default, leg?.Get("sourceEnvironment") is JsonString source ? SyntaxBuilder.String(source.Value, source.Span) : null),
                ("destination", default, leg?.Get("destinationEnvironment") is JsonString destination ? SyntaxBuilder.String(destination.Value, destination.Span) : null),
                ("map", default, SyntaxBuilder.String(taskName.Value, taskName.Span))));
        }

        if (connectionSetName is null && environments.Select(e => e.Get("connectionSetName")).OfType<JsonString>().FirstOrDefault() is { } fromEnvironment)
        {
            connectionSetName = fromEnvironment.Value;
            connectionSetSpan = fromEnvironment.Span;
        }

        var projectRoot = SyntaxBuilder.Object(
            root.Span,
            ("kind", default, SyntaxBuilder.String("project", name.Span)),
            ("name", default, SyntaxBuilder.String(name.Value, name.Span)),
            ("connectionSet", default, connectionSetName is null ? null : SyntaxBuilder.String(connectionSetName, connectionSetSpan)),
            ("tasks", default, SyntaxBuilder.Array(root.Get("entityMappingTasks")?.Span ?? root.AnchorSpan, tasks)));
        var project = (Project)DocumentKinds.Project.Bind(file, projectRoot);
        project.ServiceIssues = Issues(root, taskObjects);
        documents.Insert(0, project);
        return documents;
    }

    /// <summary>
    /// validationIssues items are not described publicly (List&lt;object&gt; in DWFieldMapping.cs): every DIPV code in any
    /// string of an item is taken, with the item's message, and the task whose name the item mentions.
    /// </summary>
    private static List<ServiceValidationIssue> Issues(JsonObject root, List<JsonObject> tasks)
    {
        var issues = new List<ServiceValidationIssue>();
        if (root.Get("validationIssues") is not JsonArray items)
        {
            return issues;
        }

        var taskNames = tasks.Select(t => t.GetString("name")).OfType<string>().Where(n => n.Length > 0).OrderByDescending(n => n.Length).ToList();
        foreach (var item in items.Items)
        {
            var strings = new List<JsonString>();
            Collect(item, strings);
            var codes = strings.SelectMany(s => DipvCode().Matches(s.Value).Cast<Match>().Select(m => (Code: m.Value.ToUpperInvariant(), Node: s))).DistinctBy(c => c.Code).ToList();
            if (codes.Count == 0)
            {
                continue;
            }

            string message = (item as JsonObject)?.GetString("message") ?? strings.OrderByDescending(s => s.Value.Length).First().Value;
            string? task = taskNames.FirstOrDefault(n => strings.Any(s => s.Value.Contains(n, StringComparison.OrdinalIgnoreCase)));
            foreach (var (code, node) in codes)
            {
                issues.Add(new ServiceValidationIssue(code, message, task, node.Span));
            }
        }

        return issues;
    }

    private static void Collect(JsonNode node, List<JsonString> strings)
    {
        switch (node)
        {
            case JsonString s:
                strings.Add(s);
                break;
            case JsonObject o:
                foreach (var p in o.Properties)
                {
                    Collect(p.Value, strings);
                }

                break;
            case JsonArray a:
                foreach (var i in a.Items)
                {
                    Collect(i, strings);
                }

                break;
        }
    }

    private static readonly Regex DipvCodes = new(@"\bDIPV\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex DipvCode() => DipvCodes;

    /// <summary>An environment's cached schemas as entityMetadata of its app.</summary>
    private static EntityMetadataDocument? Metadata(JsonObject environment, SourceFile file, DiagnosticBag bag)
    {
        if (environment.Get("schemas") is not JsonArray schemas || environment.Get("targetType") is not JsonString targetType)
        {
            return null;
        }

        var entities = new List<(string, TextSpan, JsonNode?)>();
        foreach (var schema in schemas.Items.OfType<JsonObject>())
        {
            if (schema.Get("name") is not JsonString schemaName || schemaName.Value.Length == 0)
            {
                bag.Add(ServiceRecordRules.UnexpectedShape, schema.AnchorSpan, schema.Path, "A cached schema of the project has no name; it is left out of the metadata.");
                continue;
            }

            // A Dataverse schema is named by its entity set (accounts) with its logical name beside it
            // (singletonName: account), as in microsoft/Dual-write-automations DWLibary/Struct/DWFieldMapping.cs.
            bool dataverse = Model.Apps.IsDataverse(MapDefinitionReader.AppOf(targetType.Value));
            if (dataverse && schema.Get("singletonName") is JsonString { Value.Length: > 0 } logical && !string.Equals(logical.Value, schemaName.Value, StringComparison.OrdinalIgnoreCase))
            {
                entities.Add((logical.Value, schemaName.Span, Entity(schema, bag, schemaName)));
            }
            else
            {
                entities.Add((schemaName.Value, schemaName.Span, Entity(schema, bag, null)));
            }
        }

        var root = SyntaxBuilder.Object(
            environment.Span,
            ("kind", default, SyntaxBuilder.String("entityMetadata", targetType.Span)),
            ("name", default, environment.Get("name") is JsonString n ? SyntaxBuilder.String(n.Value, n.Span) : null),
            ("app", default, SyntaxBuilder.String(MapDefinitionReader.AppOf(targetType.Value), targetType.Span)),
            ("entities", default, SyntaxBuilder.Object(schemas.Span, entities)));
        return (EntityMetadataDocument)DocumentKinds.EntityMetadata.Bind(file, root);
    }

    private static JsonObject Entity(JsonObject schema, DiagnosticBag bag, JsonString? entitySetName)
    {
        var fields = new List<(string, TextSpan, JsonNode?)>();
        foreach (var field in schema.Get("fields") is JsonArray array ? array.Items.OfType<JsonObject>() : [])
        {
            if (field.Get("name") is not JsonString fieldName)
            {
                continue;
            }

            var details = field.GetObject("typeDetails");
            var typeNode = details?.Get("type") as JsonString;
            if (typeNode is null || TypeOf(typeNode.Value) is not { } type)
            {
                bag.Add(MetadataRules.UnsupportedAttribute, typeNode?.Span ?? fieldName.Span, field.Path, $"Field '{fieldName.Value}' of '{schema.GetString("name")}' has type '{typeNode?.Value ?? "(none)"}', which MapLint does not model; the field is left out of the metadata.");
                continue;
            }

            var length = details!.GetInteger("length");
            var precision = details.GetInteger("precision");
            fields.Add((fieldName.Value, fieldName.Span, SyntaxBuilder.Object(
                field.Span,
                ("type", default, SyntaxBuilder.String(type, typeNode.Span)),
                ("maxLength", default, type == "string" && length > 0 ? SyntaxBuilder.Number(length.Value, details.Get("length")!.Span) : null),
                ("precision", default, precision >= 0 ? SyntaxBuilder.Number(precision.Value, details.Get("precision")!.Span) : null),
                ("required", default, field.Get("isRequired") is { Kind: JsonNodeKind.True or JsonNodeKind.False } required ? SyntaxBuilder.Boolean(required.Kind == JsonNodeKind.True, required.Span) : null),
                ("readOnly", default, field.Get("isReadonly") is { Kind: JsonNodeKind.True or JsonNodeKind.False } readOnly ? SyntaxBuilder.Boolean(readOnly.Kind == JsonNodeKind.True, readOnly.Span) : null),
                ("target", default, type == "lookup" && details.Get("relatedEntity") is JsonString { Value.Length: > 0 } target ? SyntaxBuilder.String(target.Value, target.Span) : null))));
        }

        var keys = (schema.Get("keys") is JsonArray keyArray ? keyArray.Items.OfType<JsonObject>() : [])
            .OrderByDescending(k => k.GetBoolean("isIntegrationKey") == true)
            .Select(k => k.Get("fields") as JsonArray)
            .OfType<JsonArray>()
            .Where(f => f.Items.Count > 0)
            .Select(f => (JsonNode)SyntaxBuilder.Array(f.Span, f.Items.OfType<JsonString>().Select(s => SyntaxBuilder.String(s.Value, s.Span))))
            .ToList();
        var company = schema.Get("primaryCompanyContextField") as JsonString;
        return SyntaxBuilder.Object(
            schema.Span,
            ("companyScope", default, SyntaxBuilder.String(company is { Value.Length: > 0 } ? "company" : "global", company?.Span ?? schema.AnchorSpan)),
            ("companyField", default, company is { Value.Length: > 0 } ? SyntaxBuilder.String(company.Value, company.Span) : null),
            ("entitySetName", default, entitySetName is null ? null : SyntaxBuilder.String(entitySetName.Value, entitySetName.Span)),
            ("keys", default, keys.Count > 0 ? SyntaxBuilder.Array(schema.Get("keys")!.Span, keys) : null),
            ("fields", default, SyntaxBuilder.Object(schema.Get("fields")?.Span ?? schema.AnchorSpan, fields)));
    }

    /// <summary>The service's type names (typeDetails.type) as MapLint's field types; null for types MapLint does not model.</summary>
    private static string? TypeOf(string type) => type.Trim().ToUpperInvariant() switch
    {
        "STRING" or "MEMO" or "TEXT" => "string",
        "INT" or "INT32" or "INTEGER" => "integer",
        "INT64" or "BIGINT" or "LONG" => "int64",
        "DECIMAL" => "decimal",
        "REAL" or "DOUBLE" or "FLOAT" => "real",
        "MONEY" or "CURRENCY" => "money",
        "BOOLEAN" or "BOOL" => "boolean",
        "DATE" => "date",
        "DATETIME" or "UTCDATETIME" => "dateTime",
        "GUID" or "UNIQUEIDENTIFIER" => "guid",
        "ENUM" => "enum",
        "OPTIONSET" or "PICKLIST" or "STATE" or "STATUS" => "optionSet",
        "LOOKUP" or "CUSTOMER" or "OWNER" => "lookup",
        _ => null,
    };
}
