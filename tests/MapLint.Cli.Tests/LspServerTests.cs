using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLint.Cli.Tests;

/// <summary>
/// `maplint lsp` through the real process: the findings it publishes are those `check --stdin-filename` reports
/// for the same unsaved text (same configuration, suppressions and baseline), and it survives what broken or
/// vanishing clients do to it.
/// </summary>
public class LspServerTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-lsp-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    /// <summary>A copy of examples/ (its maplint.json makes it the workspace) with one map edited as a user would.</summary>
    private (string Root, string Map, string Text) EditedExamples()
    {
        string root = Path.Combine(temp, "examples");
        CopyFolder(Path.Combine(CliRunner.Root, "examples"), root);
        string map = Path.Combine(root, "maps", "customers.json");
        string text = File.ReadAllText(map)
            .Replace("{\"source\": \"CUSTOMERACCOUNT\", \"direction\": \"=\"", "{\"source\": \"CUSTOMERACCOUNT\", \"direction\": \">\"", StringComparison.Ordinal)
            .Replace("\"destination\": \"creditlimit\"", "\"destination\": \"creditlimt\"", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(map), text);
        return (root, map, text);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static List<string> FromCheck(string stdout) =>
        JsonDocument.Parse(stdout).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => !d.TryGetProperty("suppressed", out _))
            .Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("severity").GetString()} {d.GetProperty("line").GetInt32() - 1}:{d.GetProperty("column").GetInt32() - 1}-{d.GetProperty("endLine").GetInt32() - 1}:{d.GetProperty("endColumn").GetInt32() - 1} {d.GetProperty("message").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> FromLsp(JsonArray diagnostics) =>
        diagnostics.Select(d => d!.AsObject())
            .Select(d => $"{(string?)d["code"]} {((int)d["severity"]!) switch { 1 => "error", 2 => "warning", _ => "info" }} {d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}-{d["range"]!["end"]!["line"]}:{d["range"]!["end"]!["character"]} {(string?)d["message"]}")
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Diagnostics_AreTheFindingsCheckReports_ForTheSameUnsavedText()
    {
        var (root, map, text) = EditedExamples();
        var (exit, stdout, stderr) = CliRunner.RunWithInput(root, Encoding.UTF8.GetBytes(text), "check", "--stdin-filename", "maps/customers.json", "--format", "json");
        Assert.True(exit == 1, stderr);
        var expected = FromCheck(stdout);
        Assert.Contains(expected, e => e.StartsWith("DIPV1004 error", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.StartsWith("DIPV1025 error", StringComparison.Ordinal));

        using var server = new LspProcess(root);
        server.Initialize(root);
        server.Notify("initialized", new JsonObject());
        server.Open(map, text);
        var published = server.Diagnostics(new Uri(map).AbsoluteUri, d => d.Count > 0);
        Assert.Equal(expected, FromLsp(published));
        Assert.All(published, d => Assert.EndsWith($"docs/rules/{(string?)d!["code"]}.md", (string?)d!["codeDescription"]!["href"], StringComparison.Ordinal));
    }

    [Fact]
    public void AnEditToMetadata_RepublishesTheOpenMapsThatDependOnIt()
    {
        var (root, _, _) = EditedExamples();
        string map = Path.Combine(root, "maps", "customers.json");
        string metadata = Path.Combine(root, "metadata", "dataverse.json");
        string metadataText = File.ReadAllText(metadata);
        using var server = new LspProcess(root);
        server.Initialize(root);
        server.Open(map, File.ReadAllText(map));
        server.Open(metadata, metadataText);
        var before = server.Diagnostics(new Uri(map).AbsoluteUri);
        Assert.DoesNotContain(before, d => (string?)d!["code"] == "DIPV1025");

        // The field leaves the metadata (unsaved): the map, not edited, now maps a field that does not exist.
        server.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(metadata).AbsoluteUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = metadataText.Replace("\"creditlimit\":", "\"creditlimit_old\":", StringComparison.Ordinal) }),
        });
        var after = server.Diagnostics(new Uri(map).AbsoluteUri, d => d.Any(x => (string?)x!["code"] == "DIPV1025"));
        var unknown = after.Single(d => (string?)d!["code"] == "DIPV1025")!;
        Assert.Equal(26, (int)unknown["range"]!["start"]!["line"]!);
        Assert.Contains("'creditlimit'", (string?)unknown["message"], StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_FollowTheConfigurationAndTheBaseline_AsCheckDoes()
    {
        var (root, map, text) = EditedExamples();
        File.WriteAllText(map, text);
        File.WriteAllText(Path.Combine(root, "maplint.json"), """{ "exclude": ["broken/**"], "rules": { "DIPV1025": "warning" } }""");

        // Today's findings go into a baseline; an edit then adds a new one, the only one reported.
        var (_, _, baselineLog) = CliRunner.RunIn(root, "check", ".", "--baseline", "maplint.baseline.json", "--update-baseline");
        Assert.Contains("wrote", baselineLog, StringComparison.Ordinal);
        string edited = text.Replace("\"destination\": \"name\"", "\"destination\": \"nam\"", StringComparison.Ordinal);
        var (_, stdout, _) = CliRunner.RunWithInput(root, Encoding.UTF8.GetBytes(edited), "check", "--stdin-filename", "maps/customers.json", "--format", "json", "--baseline", "maplint.baseline.json");
        var expected = FromCheck(stdout);
        Assert.Contains(expected, e => e.StartsWith("DIPV1025 warning", StringComparison.Ordinal)); // maplint.json lowers it
        Assert.DoesNotContain(expected, e => e.StartsWith("DIPV1004", StringComparison.Ordinal)); // in the baseline

        using var server = new LspProcess(root);
        server.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(root).AbsoluteUri,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["baseline"] = "maplint.baseline.json" },
        });
        server.Open(map, edited);
        Assert.Equal(expected, FromLsp(server.Diagnostics(new Uri(map).AbsoluteUri, d => d.Count > 0)));
    }

    /// <summary>The LSP position (UTF-16 line and character) of the n-th occurrence of a text, counted here.</summary>
    private static JsonObject PositionOf(string text, string needle, int skip = 0, int into = 1)
    {
        int at = -1;
        for (int i = 0; i <= skip; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{needle}' not in the document");
        }

        at += into;
        int line = text.AsSpan(0, at).Count('\n');
        return new JsonObject { ["line"] = line, ["character"] = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) };
    }

    /// <summary>The text a returned range covers, in the file on disk.</summary>
    private static string TextAt(JsonNode location)
    {
        var lines = File.ReadAllText(new Uri((string)location["uri"]!).LocalPath).Split('\n');
        var range = location["range"]!;
        int line = (int)range["start"]!["line"]!;
        Assert.Equal(line, (int)range["end"]!["line"]!);
        int start = (int)range["start"]!["character"]!;
        return lines[line][start..(int)range["end"]!["character"]!];
    }

    private static JsonObject At(string path, JsonObject position) =>
        new() { ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri }, ["position"] = position.DeepClone() };

    [Fact]
    public void HoverAndDefinition_WorkOnServiceMapRecords_ThroughTheEscapesOfTheEmbeddedDefinition()
    {
        var (root, _, _) = EditedExamples();
        string page = Path.Combine(root, "service", "webapi", "page-1.json");
        string pageText = File.ReadAllText(page);
        using var server = new LspProcess(root);
        server.Initialize(root);
        server.Notify("initialized", new JsonObject());
        server.Open(page, pageText);
        server.Diagnostics(new Uri(page).AbsoluteUri);

        // A lookup inside msdyn_mapping (a JSON string in the record): its target table and the map of that table,
        // the one of the same export (page-1's own 'Customers V3 (accounts)', not examples/maps/customers.json).
        var lookup = PositionOf(pageText, "parentcustomerid.accountnumber", into: 4);
        var hover = server.Request("textDocument/hover", At(page, lookup))["result"]!;
        string markdown = (string)hover["contents"]!["value"]!;
        Assert.Contains("**parentcustomerid**: lookup", markdown, StringComparison.Ordinal);
        Assert.Contains("Lookup to `account` through `accountnumber`", markdown, StringComparison.Ordinal);
        Assert.Contains("map 'Customers V3 (accounts)' (service/webapi/page-1.json)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("maps/customers.json", markdown, StringComparison.Ordinal);
        Assert.Equal("\\\"parentcustomerid.accountnumber\\\"", TextAt(new JsonObject { ["uri"] = new Uri(page).AbsoluteUri, ["range"] = hover["range"]!.DeepClone() }));

        var toMap = server.Request("textDocument/definition", At(page, lookup))["result"]!.AsArray();
        Assert.Equal(new Uri(page).AbsoluteUri, (string?)Assert.Single(toMap)!["uri"]);
        Assert.Equal("Customers V3 (accounts)", TextAt(toMap[0]!).Trim('"'));

        // A plain field leads to its entry in the metadata.
        var field = PositionOf(pageText, "\\\"firstname\\\"", into: 3);
        var toMetadata = Assert.Single(server.Request("textDocument/definition", At(page, field))["result"]!.AsArray())!;
        Assert.EndsWith("/metadata/dataverse.json", (string?)toMetadata["uri"], StringComparison.Ordinal);
        Assert.Equal("\"firstname\"", TextAt(toMetadata));
        var fieldHover = (string)server.Request("textDocument/hover", At(page, field))["result"]!["contents"]!["value"]!;
        Assert.Contains("Dataverse entity `contact`", fieldHover, StringComparison.Ordinal);

        // The same map in a solution's Customizations.xml, through the XML escapes: its lookup leads to the
        // solution's own map of account (the map itself: the lookup refers to its own table).
        string customizations = Path.Combine(root, "service", "solution", "Other", "Customizations.xml");
        string xml = File.ReadAllText(customizations);
        server.Open(customizations, xml);
        var xmlLookup = PositionOf(xml, "msdyn_billingaccount.accountnumber", into: 2);
        var xmlDefinition = Assert.Single(server.Request("textDocument/definition", At(customizations, xmlLookup))["result"]!.AsArray())!;
        Assert.Equal(new Uri(customizations).AbsoluteUri, (string?)xmlDefinition["uri"]);
        Assert.Contains("Customers V3 (accounts)", TextAt(xmlDefinition), StringComparison.Ordinal);
        Assert.Contains("Lookup to `account`", (string)server.Request("textDocument/hover", At(customizations, xmlLookup))["result"]!["contents"]!["value"]!, StringComparison.Ordinal);

        // Outside any field mapping (the record's own properties) there is nothing to show.
        Assert.Null(server.Request("textDocument/hover", At(page, PositionOf(pageText, "msdyn_dualwriteentitymapid", into: 2)))["result"]);
    }

    [Fact]
    public void BrokenMessages_UnknownMethods_AndForeignDocuments_AreAnswered_AndTheServerGoesOn()
    {
        var (root, map, text) = EditedExamples();
        using var server = new LspProcess(root);

        var early = server.Request("textDocument/hover", new JsonObject());
        Assert.Equal(-32002, (int)early["error"]!["code"]!);

        server.SendRaw(Encoding.ASCII.GetBytes("this is not a header\r\n\r\n"));
        server.SendBody("{ not json");
        var parseError = server.WaitFor(m => m["error"] is not null && m["id"] is null && (int)m["error"]!["code"]! == -32700, "a parse error");
        Assert.Contains("not JSON", (string?)parseError["error"]!["message"], StringComparison.Ordinal);
        server.SendBody("[1, 2, 3]");
        server.WaitFor(m => m["error"] is not null && (int)m["error"]!["code"]! == -32600, "an invalid request error");

        var init = server.Initialize(root);
        Assert.NotNull(init["result"]!["capabilities"]);
        Assert.Equal(-32601, (int)server.Request("maplint/unknown", new JsonObject())["error"]!["code"]!);
        Assert.NotNull(server.Request("textDocument/codeAction", new JsonObject { ["textDocument"] = 42 })["result"]);
        Assert.NotNull(server.Request("textDocument/definition", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = "file:///nowhere/x.json" }, ["position"] = "top" })["error"]);

        // A JSON file that is not MapLint's (a package.json), and a document that is not JSON at all.
        string package = Path.Combine(root, "package.json");
        server.Open(package, """{ "name": "tools", "version": "1.0.0" }""");
        Assert.Empty(server.Diagnostics(new Uri(package).AbsoluteUri));
        string notes = Path.Combine(root, "notes.json");
        server.Open(notes, "\u0000\u0001 garbage {{{");
        var garbage = server.Diagnostics(new Uri(notes).AbsoluteUri);
        Assert.All(garbage, d => Assert.StartsWith("DIPV20", (string?)d!["code"], StringComparison.Ordinal));

        // Still serving: the edited map gets its findings and hover answers.
        server.Open(map, text);
        Assert.Contains(server.Diagnostics(new Uri(map).AbsoluteUri, d => d.Count > 0), d => (string?)d!["code"] == "DIPV1004");
        var hover = server.Request("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = new Uri(map).AbsoluteUri },
            ["position"] = new JsonObject { ["line"] = 9999, ["character"] = 9999 },
        });
        Assert.Null(hover["error"]);
        Assert.False(server.Process.HasExited);
    }

    [Fact]
    public void ClientThatClosesItsPipe_StopsTheServer()
    {
        var (root, map, text) = EditedExamples();
        using var server = new LspProcess(root);
        server.Initialize(root);
        server.Open(map, text);
        server.Diagnostics(new Uri(map).AbsoluteUri, d => d.Count > 0);
        server.CloseInput();
        Assert.True(server.WaitForExit(15000), "the server still runs after its input closed");
        Assert.Equal(1, server.Process.ExitCode); // no shutdown request came first
    }

    [Fact]
    public void ClientProcessThatDies_StopsTheServer_EvenWithThePipeOpen()
    {
        var (root, _, _) = EditedExamples();
        using var client = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        using var server = new LspProcess(root);
        server.Initialize(root, client.Id);
        client.Kill(); // the editor crashes; this test still holds the server's pipe open
        client.WaitForExit();
        Assert.True(server.WaitForExit(15000), "the server outlived the client process named in initialize");
    }

    [Fact]
    public void ShutdownThenExit_EndsWithZero()
    {
        using var server = new LspProcess(temp);
        server.Initialize(temp);
        Assert.Null(server.Request("shutdown", null)["error"]);
        server.Notify("exit", null);
        Assert.True(server.WaitForExit(15000));
        Assert.Equal(0, server.Process.ExitCode);
    }
}
