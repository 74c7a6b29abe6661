using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLint.Configuration;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Readers;

/// <summary>
/// The same maps written as MapLint documents and as the service's records give the same codes at the same
/// logical locations (map, then mapping or JSON path), with the same messages: on the clean examples and on
/// every broken case a service record can express. The records are written here from the MapLint maps in the
/// shapes of ServiceShapes.cs (Web API export, encoded once or twice; Customizations.xml), and every other file
/// of the workspace (metadata, connection sets, projects) is kept as it is.
/// </summary>
public class ServiceEquivalenceTests
{
    // Not expressible as service records: syntax and shape errors, duplicate names (versions of one record there),
    // suppressions and integration key overrides (MapLint-only), configuration, and a value map listing a source
    // value twice (the service's value map is a JSON object: a repeated key is DIPV2002 there, not DIPV1029).
    private static readonly HashSet<string> NotExpressible = ["DIPV2000", "DIPV2001", "DIPV2002", "DIPV2003", "DIPV2008", "DIPV2009", "DIPV2010", "DIPV1014", "DIPV1015", "DIPV1029"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var workspaces = new List<string> { "examples" };
        workspaces.AddRange(Directory.GetDirectories(Path.Combine(CatalogTests.Root, "examples", "broken"))
            .Select(f => Path.GetRelativePath(CatalogTests.Root, f).Replace('\\', '/'))
            .Where(w => !NotExpressible.Contains(Path.GetFileName(w)))
            // Cases without a table map (Business Central AL, configuration) have nothing a map record could hold.
            .Where(w => Directory.GetFiles(Path.Combine(CatalogTests.Root, w), "*.json").Any(f => IsTableMap(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal));
        foreach (var workspace in workspaces)
        {
            foreach (var format in new[] { "webapi", "double-encoded", "solution" })
            {
                data.Add(workspace, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ServiceRecordsFindWhatMapLintDocumentsFind(string workspace, string format)
    {
        string folder = Path.Combine(CatalogTests.Root, workspace);
        var config = ConfigLoader.Load(null, folder, folder)?.Config ?? MapLintConfig.Default;
        var files = FileDiscovery.Discover([folder], folder, config).Files.Where(f => !f.DisplayPath.StartsWith("service/", StringComparison.Ordinal)).ToList();
        var documents = files.Select(f => (Path: f.DisplayPath, Content: File.ReadAllBytes(f.FullPath))).ToList();
        var maps = documents.Where(d => IsTableMap(d.Content)).ToList();
        Assert.NotEmpty(maps);

        var asRecords = documents.Except(maps).ToList();
        asRecords.Add(format == "solution"
            ? ("service/Other/Customizations.xml", Encoding.UTF8.GetBytes(ServiceShapes.CustomizationsOf(maps.Select(m => (ServiceShapes.XmlEscape(RecordName(m.Content)), (string)Map(m.Content)["name"]!, "1.0.0.0", ServiceShapes.XmlEscape(Definition(m.Content)))).ToArray())))
            : ("service/export.json", Encoding.UTF8.GetBytes(ServiceShapes.Export(maps.Select(m => Record(m.Content, format == "double-encoded")).ToArray()))));

        var options = new LintOptions { Config = config };
        var expected = Findings(Linter.Run(documents, options), maps.Select(m => m.Path).ToHashSet());
        var actual = Findings(Linter.Run(asRecords, options), ["service/export.json", "service/Other/Customizations.xml"]);
        Assert.Equal(expected, actual);
    }

    /// <summary>Code, logical location and message; the path only for findings outside the maps (those files are the same), and map paths in messages (DIPV2203 names the other map's file) as "(map)".</summary>
    private static List<string> Findings(LintResult result, HashSet<string> mapPaths) =>
        result.Diagnostics
            .Select(d => $"{d.Id} {(mapPaths.Contains(d.Location.Path) ? "(map)" : d.Location.Path)} {d.LogicalLocation} {mapPaths.Aggregate(d.Message, (m, p) => m.Replace(p, "(map)", StringComparison.Ordinal))}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static bool IsTableMap(byte[] content)
    {
        try
        {
            return JsonNode.Parse(content, documentOptions: Lenient) is JsonObject o && (string?)o["kind"] == "tableMap";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonObject Map(byte[] content) => (JsonObject)JsonNode.Parse(content, documentOptions: Lenient)!;

    private static string EnvironmentType(string app) => app switch { "financeAndOperations" => "AX", "dataverse" => "CRM", _ => app };

    private static string RecordName(byte[] content)
    {
        var map = Map(content);
        return $"msdyn_[{map["destination"]!["entity"]} - {map["source"]!["entity"]}] {map["name"]}";
    }

    /// <summary>The map as msdyn_mapping holds it: one leg, directions as 1/2/3 strings, transforms as valueTransforms.</summary>
    private static string Definition(byte[] content)
    {
        var map = Map(content);
        var source = map["source"]!.AsObject();
        var destination = map["destination"]!.AsObject();
        var fieldMappings = new JsonArray();
        foreach (var mapping in map["mappings"]!.AsArray().OfType<JsonObject>())
        {
            string direction = (string)mapping["direction"]!;
            var fieldMapping = new JsonObject { ["syncDirection"] = direction is "=" or "><" ? "3" : direction is ">" or ">>" ? "1" : "2" };
            if (mapping["source"] is { } s)
            {
                fieldMapping["sourceField"] = s.DeepClone();
            }

            if (mapping["destination"] is { } d)
            {
                fieldMapping["destinationField"] = d.DeepClone();
            }

            fieldMapping["isSystemGenerated"] = false;
            if (mapping["transform"] is JsonObject transform)
            {
                var transforms = new JsonArray();
                if (transform["valueMap"] is JsonArray valueMap)
                {
                    var pairs = new JsonObject();
                    foreach (var entry in valueMap.OfType<JsonObject>())
                    {
                        pairs[Text(entry["source"]!)] = Text(entry["destination"]!);
                    }

                    transforms.Add(new JsonObject { ["transformType"] = "ValueMap", ["valueMap"] = pairs });
                }

                if (transform["defaultValue"] is { } value)
                {
                    transforms.Add(new JsonObject { ["transformType"] = "Default", ["defaultValue"] = value.DeepClone() });
                }

                fieldMapping["valueTransforms"] = transforms;
            }

            fieldMappings.Add(fieldMapping);
        }

        var definition = new JsonObject
        {
            ["name"] = map["name"]!.DeepClone(),
            ["leftEnvironmentType"] = EnvironmentType((string)source["app"]!),
            ["rightEnvironmentType"] = EnvironmentType((string)destination["app"]!),
            ["legs"] = new JsonArray(new JsonObject
            {
                ["id"] = "001",
                ["sourceSchema"] = source["entity"]!.DeepClone(),
                ["sourceEnvironmentType"] = EnvironmentType((string)source["app"]!),
                ["destinationSchema"] = destination["entity"]!.DeepClone(),
                ["destinationEnvironmentType"] = EnvironmentType((string)destination["app"]!),
                ["sourceFilter"] = source["filter"]?.DeepClone() ?? "",
                ["reversedSourceFilter"] = destination["filter"]?.DeepClone() ?? "",
                ["fieldMappings"] = fieldMappings,
            }),
        };
        return definition.ToJsonString();
    }

    private static string Text(JsonNode node) => node.GetValueKind() == JsonValueKind.String ? (string)node! : node.ToJsonString();

    private static string Record(byte[] content, bool doubleEncoded)
    {
        string definition = Definition(content);
        string mapping = doubleEncoded ? ServiceShapes.Escape(JsonSerializer.Serialize(definition)) : ServiceShapes.Escape(definition);
        var map = Map(content);
        return ServiceShapes.Record(mapping, name: ServiceShapes.Escape(RecordName(content)), display: ServiceShapes.Escape((string)map["name"]!), id: Guid.NewGuid().ToString());
    }
}
