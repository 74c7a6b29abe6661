using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLint.Bench;

/// <summary>
/// `service --maps N`: the generated maps checked as MapLint documents and as a Dataverse Web API export of the
/// same maps (pages of 500 msdyn_dualwriteentitymap records, msdyn_mapping embedded as a JSON string), alone and
/// with the corpus' metadata and connection set, in one run of the same build: wall time and peak RSS, and the
/// export's ratio to the documents (the figure issue 11 asks for).
/// </summary>
internal static class ServiceHarness
{
    // As the Web API writes them: a quote inside msdyn_mapping is \", not \u0022.
    private static readonly JsonSerializerOptions AsTheServiceWrites = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args)
    {
        int size = int.Parse(Program.Arg(args, "--maps", "10000"), CultureInfo.InvariantCulture);
        int seed = int.Parse(Program.Arg(args, "--seed", "1"), CultureInfo.InvariantCulture);
        int repeat = int.Parse(Program.Arg(args, "--repeat", "1"), CultureInfo.InvariantCulture);
        if (Harness.Programs(args) is not { } programs)
        {
            return 2;
        }

        string work = Directory.CreateTempSubdirectory("maplint-service-bench-").FullName;
        string documents = Path.Combine(work, "documents");
        CorpusGenerator.Write(documents, size, seed);
        string records = Path.Combine(work, "records");
        WriteExport(Path.Combine(documents, "maps"), Path.Combine(records, "webapi"));
        foreach (var file in Directory.GetFiles(documents).Concat(Directory.GetFiles(Path.Combine(documents, "metadata"))))
        {
            string to = Path.Combine(records, Path.GetRelativePath(documents, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {size} maps, seed {seed}, best of {repeat}");
        Console.WriteLine();
        Console.WriteLine("| build | checked | files | MB | wall s | peak RSS MB | findings | ÷ documents, time | ÷ documents, memory |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, file, prefix) in programs)
        {
            foreach (var (scope, docs, export) in new[] { ("maps alone", Path.Combine(documents, "maps"), Path.Combine(records, "webapi")), ("with metadata and connection set", documents, records) })
            {
                (double Seconds, long PeakKb, int Findings)? peer = null;
                foreach (var (form, target) in new[] { ("MapLint documents", docs), ("Web API export", export) })
                {
                    string output = Path.Combine(work, "out.json");
                    var (seconds, peak) = Enumerable.Range(0, repeat).Select(_ => Harness.Process(file, [.. prefix, "check", target, "--no-cache", "--format", "json", "--output", output, "--fail-on", "none"], work)).OrderBy(r => r.Seconds).First();
                    int findings;
                    using (var json = JsonDocument.Parse(File.ReadAllBytes(output)))
                    {
                        findings = json.RootElement.GetProperty("diagnostics").GetArrayLength();
                    }

                    var files = Directory.GetFiles(target, "*.json", SearchOption.AllDirectories);
                    double megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
                    string ratios = peer is { } p ? string.Create(CultureInfo.InvariantCulture, $"{seconds / p.Seconds:0.00} | {(double)peak / p.PeakKb:0.00}") : "– | –";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {form}, {scope} | {files.Length} | {megabytes:0} | {seconds:0.00} | {peak / 1024.0:0} | {findings} | {ratios} |"));
                    peer ??= (seconds, peak, findings);
                }
            }
        }

        Directory.Delete(work, true);
        return 0;
    }

    /// <summary>The maps as pages of msdyn_dualwriteentitymap records, as the Web API returns them (500 a page).</summary>
    private static void WriteExport(string maps, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = Directory.GetFiles(maps, "*.json").Order(StringComparer.Ordinal).ToList();
        for (int page = 0; page * 500 < files.Count; page++)
        {
            var value = new JsonArray();
            foreach (var (file, i) in files.Skip(page * 500).Take(500).Select((f, i) => (f, page * 500 + i)))
            {
                var map = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
                string name = (string)map["name"]!;
                value.Add(new JsonObject
                {
                    ["@odata.etag"] = "W/\"1000\"",
                    ["msdyn_dualwriteentitymapid"] = $"00000000-0000-4000-8000-{i:D12}",
                    ["msdyn_name"] = $"msdyn_[{(string)map["destination"]!["entity"]!} - {(string)map["source"]!["entity"]!}]",
                    ["msdyn_displayname"] = name,
                    ["msdyn_version"] = "1.0.0.0",
                    ["msdyn_mapping"] = Definition(map).ToJsonString(AsTheServiceWrites),
                    ["ismanaged"] = false,
                    ["statecode"] = 0,
                    ["createdon"] = "2026-03-02T09:00:00Z",
                });
            }

            var body = new JsonObject { ["@odata.context"] = "https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#msdyn_dualwriteentitymaps", ["value"] = value };
            File.WriteAllText(Path.Combine(folder, $"page-{page + 1}.json"), body.ToJsonString(AsTheServiceWrites) + "\n");
        }
    }

    private static string EnvironmentType(JsonNode side) => (string)side["app"]! == "dataverse" ? "CRM" : "AX";

    /// <summary>A MapLint table map as the service's map definition (legs, field mappings, syncDirection, valueTransforms).</summary>
    private static JsonObject Definition(JsonObject map)
    {
        var source = map["source"]!;
        var destination = map["destination"]!;
        var fieldMappings = new JsonArray();
        foreach (var mapping in map["mappings"]!.AsArray().Select(m => m!.AsObject()))
        {
            string direction = (string)mapping["direction"]!;
            var item = new JsonObject
            {
                ["syncDirection"] = direction switch { "=" or "><" => "3", ">" or ">>" => "1", _ => "2" },
                ["sourceField"] = (string?)mapping["source"] ?? string.Empty,
                ["destinationField"] = (string?)mapping["destination"] ?? string.Empty,
                ["isSystemGenerated"] = false,
            };
            if (mapping["transform"] is JsonObject transform)
            {
                var transforms = new JsonArray();
                if (transform["valueMap"] is JsonArray pairs)
                {
                    var valueMap = new JsonObject();
                    foreach (var pair in pairs.Select(p => p!.AsObject()))
                    {
                        valueMap[pair["source"]!.ToString()] = pair["destination"]!.DeepClone();
                    }

                    transforms.Add(new JsonObject { ["transformType"] = "ValueMap", ["valueMap"] = valueMap });
                }

                if (transform["defaultValue"] is { } defaultValue)
                {
                    transforms.Add(new JsonObject { ["transformType"] = "Default", ["defaultValue"] = defaultValue.DeepClone() });
                }

                item["valueTransforms"] = transforms;
            }

            fieldMappings.Add(item);
        }

        return new JsonObject
        {
            ["name"] = (string)map["name"]!,
            ["leftEnvironmentType"] = EnvironmentType(source),
            ["rightEnvironmentType"] = EnvironmentType(destination),
            ["legs"] = new JsonArray(new JsonObject
            {
                ["id"] = "001",
                ["sourceSchema"] = (string)source["entity"]!,
                ["sourceEnvironmentType"] = EnvironmentType(source),
                ["destinationSchema"] = (string)destination["entity"]!,
                ["destinationEnvironmentType"] = EnvironmentType(destination),
                ["sourceFilter"] = (string?)source["filter"] ?? string.Empty,
                ["reversedSourceFilter"] = (string?)destination["filter"] ?? string.Empty,
                ["fieldMappings"] = fieldMappings,
            }),
        };
    }
}
