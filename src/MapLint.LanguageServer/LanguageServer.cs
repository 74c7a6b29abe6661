using System.Buffers;
using System.Text;
using System.Text.Json;
using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Fixes;
using MapLint.Text;

namespace MapLint.LanguageServer;

/// <summary>
/// `maplint lsp`: a Language Server Protocol server over two streams (standard input and output). Diagnostics
/// are published for the open documents, shortly after the last edit (debounced), from the same engine, settings,
/// suppressions and baseline as `maplint check`; code actions come from the findings' fixes; hover and
/// go-to-definition read the semantic model. A malformed message, an unknown method or a failing handler is
/// answered with an error and the server goes on; the end of the input, or the client process going away, stops it.
/// </summary>
public sealed class LanguageServer
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int MethodNotFound = -32601;
    private const int InvalidParams = -32602;
    private const int InternalError = -32603;
    private const int ServerNotInitialized = -32002;

    private readonly MessageTransport transport;
    private readonly string version;
    private readonly TextWriter log;
    private readonly object gate = new();
    private readonly List<ServerWorkspace> workspaces = [];
    private readonly Dictionary<string, byte[]> published = new(StringComparer.Ordinal);
    private readonly AnalysisScheduler scheduler;
    private string? clientRoot;
    private string? baselinePath;
    private bool initialized;
    private bool shutdownRequested;

    public LanguageServer(Stream input, Stream output, string version, TextWriter log, TimeSpan? debounce = null)
    {
        transport = new MessageTransport(input, output);
        this.version = version;
        this.log = log;
        scheduler = new AnalysisScheduler(debounce ?? TimeSpan.FromMilliseconds(150), PublishAll, ex => log.WriteLine("maplint lsp: analysis failed: " + ex));
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; the exit code LSP asks for (0 after shutdown).</summary>
    public int Run()
    {
        try
        {
            while (transport.Read() is { } body)
            {
                if (Handle(body) is { } exitCode)
                {
                    return exitCode;
                }
            }

            return shutdownRequested ? 0 : 1;
        }
        finally
        {
            scheduler.Dispose();
        }
    }

    private int? Handle(byte[] body)
    {
        JsonDocument message;
        try
        {
            message = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            SendError(null, ParseError, "The message is not JSON: " + ex.Message);
            return null;
        }

        using (message)
        {
            var root = message.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                SendError(null, InvalidRequest, "A JSON-RPC message is an object.");
                return null;
            }

            JsonElement? id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String ? idElement.Clone() : null;
            if (!root.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
            {
                if (id is null || !root.TryGetProperty("result", out _) && !root.TryGetProperty("error", out _))
                {
                    SendError(id, InvalidRequest, "A request needs a 'method'.");
                }

                return null; // otherwise a response to a request of ours; the server sends none it waits for
            }

            string method = methodElement.GetString()!;
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            try
            {
                return Dispatch(method, id, parameters);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log.WriteLine($"maplint lsp: {method} failed: {ex}");
                if (id is not null)
                {
                    SendError(id, ex is InvalidOperationException or KeyNotFoundException or FormatException ? InvalidParams : InternalError, $"{method} failed: {ex.Message}");
                }

                return null;
            }
        }
    }

    private int? Dispatch(string method, JsonElement? id, JsonElement parameters)
    {
        if (!initialized && method is not ("initialize" or "exit") && id is not null)
        {
            SendError(id, ServerNotInitialized, "The server has not been initialized.");
            return null;
        }

        switch (method)
        {
            case "initialize":
                Initialize(parameters);
                Respond(id, WriteCapabilities);
                return null;
            case "initialized":
                return null;
            case "shutdown":
                shutdownRequested = true;
                Respond(id, w => w.WriteNullValue());
                return null;
            case "exit":
                return shutdownRequested ? 0 : 1;
            case "textDocument/didOpen":
                DidOpen(parameters);
                return null;
            case "textDocument/didChange":
                DidChange(parameters);
                return null;
            case "textDocument/didClose":
                DidClose(parameters);
                return null;
            case "textDocument/didSave":
                FilesChanged([Uri(parameters)]);
                return null;
            case "workspace/didChangeWatchedFiles":
                FilesChanged(parameters.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array
                    ? changes.EnumerateArray().Select(c => c.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null).ToList()
                    : []);
                return null;
            case "textDocument/codeAction":
                Respond(id, w => CodeActions(w, parameters));
                return null;
            case "textDocument/hover":
                Respond(id, w => Navigation(parameters, (n, offset) => n.WriteHover(w, offset)));
                return null;
            case "textDocument/definition":
                Respond(id, w => Navigation(parameters, (n, offset) => n.WriteDefinition(w, offset)));
                return null;
            default:
                // Unknown notifications ($/cancelRequest, $/setTrace, …) are ignored; unknown requests are answered.
                if (id is not null)
                {
                    SendError(id, MethodNotFound, $"Method '{method}' is not supported by maplint lsp.");
                }

                return null;
        }
    }

    private void Initialize(JsonElement parameters)
    {
        initialized = true;
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (parameters.TryGetProperty("workspaceFolders", out var folders) && folders.ValueKind == JsonValueKind.Array && folders.GetArrayLength() > 0
            && folders[0].TryGetProperty("uri", out var folderUri) && folderUri.ValueKind == JsonValueKind.String)
        {
            clientRoot = DocumentUris.ToPath(folderUri.GetString());
        }
        else if (parameters.TryGetProperty("rootUri", out var rootUri) && rootUri.ValueKind == JsonValueKind.String)
        {
            clientRoot = DocumentUris.ToPath(rootUri.GetString());
        }

        if (parameters.TryGetProperty("initializationOptions", out var options) && options.ValueKind == JsonValueKind.Object)
        {
            if (options.TryGetProperty("baseline", out var baseline) && baseline.ValueKind == JsonValueKind.String)
            {
                baselinePath = baseline.GetString();
            }

            // The pause after the last edit before analyzing; the benchmark sets 0 to measure the analysis alone.
            if (options.TryGetProperty("debounceMilliseconds", out var debounce) && debounce.TryGetInt32(out int milliseconds) && milliseconds >= 0)
            {
                scheduler.Debounce = TimeSpan.FromMilliseconds(Math.Min(milliseconds, 10_000));
            }
        }

        if (parameters.TryGetProperty("processId", out var pid) && pid.TryGetInt32(out int processId))
        {
            ParentWatch.Start(processId, () =>
            {
                log.WriteLine($"maplint lsp: the client process {processId} is gone; stopping.");
                Environment.Exit(1);
            });
        }
    }

    private void WriteCapabilities(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("capabilities");
        w.WriteStartObject("textDocumentSync");
        w.WriteBoolean("openClose", true);
        w.WriteNumber("change", 2); // incremental: the client sends the edited ranges
        w.WriteStartObject("save");
        w.WriteBoolean("includeText", false);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("codeActionProvider");
        w.WriteStartArray("codeActionKinds");
        w.WriteStringValue("quickfix");
        w.WriteStringValue(FixAllKind);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteBoolean("hoverProvider", true);
        w.WriteBoolean("definitionProvider", true);
        w.WriteEndObject();
        w.WriteStartObject("serverInfo");
        w.WriteString("name", "maplint");
        w.WriteString("version", version);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private const string FixAllKind = "source.fixAll.maplint";

    private static string? Uri(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("textDocument", out var document) && document.ValueKind == JsonValueKind.Object
        && document.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()
            : null;

    private void DidOpen(JsonElement parameters)
    {
        if (DocumentUris.ToPath(Uri(parameters)) is not { } path
            || !parameters.GetProperty("textDocument").TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return;
        }

        lock (gate)
        {
            WorkspaceFor(path).SetText(path, Encoding.UTF8.GetBytes(text.GetString()!));
        }

        scheduler.Request();
    }

    private void DidChange(JsonElement parameters)
    {
        if (DocumentUris.ToPath(Uri(parameters)) is not { } path
            || !parameters.TryGetProperty("contentChanges", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        lock (gate)
        {
            var workspace = WorkspaceFor(path);
            if (!workspace.IsOpen(path))
            {
                return;
            }

            byte[] current = workspace.TextOf(path) ?? [];
            foreach (var change in changes.EnumerateArray())
            {
                if (!change.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var replacement = Encoding.UTF8.GetBytes(text.GetString()!);
                if (change.TryGetProperty("range", out var range) && range.ValueKind == JsonValueKind.Object
                    && Positions.ReadPosition(range.GetProperty("start")) is { } start && Positions.ReadPosition(range.GetProperty("end")) is { } end)
                {
                    var source = new SourceText(current);
                    int from = Positions.ToOffset(source, start.Line, start.Character);
                    int to = Math.Max(from, Positions.ToOffset(source, end.Line, end.Character));
                    current = [.. current.AsSpan(0, from), .. replacement, .. current.AsSpan(to)];
                }
                else
                {
                    current = replacement;
                }
            }

            workspace.SetText(path, current);
        }

        scheduler.Request();
    }

    private void DidClose(JsonElement parameters)
    {
        if (DocumentUris.ToPath(Uri(parameters)) is not { } path)
        {
            return;
        }

        lock (gate)
        {
            WorkspaceFor(path).Close(path);
            Publish(path, []);
        }

        scheduler.Request();
    }

    private void FilesChanged(IReadOnlyList<string?> uris)
    {
        lock (gate)
        {
            foreach (var path in uris.Select(DocumentUris.ToPath).OfType<string>())
            {
                foreach (var workspace in workspaces.Where(w => w.Contains(path)))
                {
                    workspace.FileChanged(path);
                }
            }
        }

        scheduler.Request();
    }

    /// <summary>The open workspace holding the file, else a new one: the nearest maplint.json's folder, else the client's root, else the file's folder.</summary>
    private ServerWorkspace WorkspaceFor(string path)
    {
        if (workspaces.Where(w => w.Contains(path)).OrderByDescending(w => w.Root.Length).FirstOrDefault() is { } known)
        {
            return known;
        }

        string folder = Path.GetDirectoryName(path)!;
        string root = ConfigLoader.Find(folder) is { } config ? Path.GetDirectoryName(config)!
            : clientRoot is not null && path.StartsWith(clientRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? clientRoot
            : folder;
        var workspace = ServerWorkspace.Load(root, baselinePath);
        workspaces.Add(workspace);
        return workspace;
    }

    /// <summary>Analyzes what changed and publishes the open documents whose findings differ from what the client has.</summary>
    private void PublishAll()
    {
        lock (gate)
        {
            foreach (var workspace in workspaces)
            {
                if (!workspace.OpenDocuments.Any())
                {
                    continue;
                }

                var analysis = workspace.Analyze();
                foreach (var path in workspace.OpenDocuments.ToList())
                {
                    Publish(path, analysis.Findings.GetValueOrDefault(path) ?? [], analysis.Texts.GetValueOrDefault(path));
                }
            }
        }
    }

    private void Publish(string path, IReadOnlyList<Diagnostic> findings, byte[]? text = null)
    {
        var sourceText = text is null ? null : new SourceText(text);
        var body = Serialize(w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WriteString("method", "textDocument/publishDiagnostics");
            w.WriteStartObject("params");
            w.WriteString("uri", DocumentUris.FromPath(path));
            w.WriteStartArray("diagnostics");
            foreach (var finding in findings.Where(f => !f.IsSuppressed))
            {
                WriteDiagnostic(w, finding, sourceText);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });

        // An unchanged list is not sent again: an edit elsewhere must not make every open document flicker.
        if (published.TryGetValue(path, out var previous) && previous.AsSpan().SequenceEqual(body))
        {
            return;
        }

        published[path] = body;
        transport.Write(body);
    }

    internal static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic finding, SourceText? text)
    {
        w.WriteStartObject();
        Positions.WriteRange(w, "range", text ?? finding.Location.Text, finding.Location.Span);
        w.WriteNumber("severity", finding.Severity switch { Severity.Error => 1, Severity.Warning => 2, _ => 3 });
        w.WriteString("code", finding.Id);
        w.WriteStartObject("codeDescription");
        w.WriteString("href", finding.Descriptor.HelpLink);
        w.WriteEndObject();
        w.WriteString("source", "maplint");
        w.WriteString("message", finding.Message);
        if (finding.JsonPath is not null)
        {
            w.WriteStartObject("data");
            w.WriteString("jsonPath", finding.JsonPath);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private void CodeActions(Utf8JsonWriter w, JsonElement parameters)
    {
        w.WriteStartArray();
        if (DocumentUris.ToPath(Uri(parameters)) is { } path && parameters.TryGetProperty("range", out var range) && range.ValueKind == JsonValueKind.Object
            && Positions.ReadPosition(range.GetProperty("start")) is { } start && Positions.ReadPosition(range.GetProperty("end")) is { } end)
        {
            var only = parameters.TryGetProperty("context", out var context) && context.TryGetProperty("only", out var o) && o.ValueKind == JsonValueKind.Array
                ? o.EnumerateArray().Select(k => k.GetString() ?? string.Empty).ToList()
                : null;
            bool Wants(string kind) => only is null || only.Any(k => kind == k || kind.StartsWith(k + ".", StringComparison.Ordinal));
            lock (gate)
            {
                var analysis = WorkspaceFor(path).Analyze();
                if (analysis.Texts.TryGetValue(path, out var bytes))
                {
                    var text = new SourceText(bytes);
                    var document = new FixDocument(bytes);
                    int from = Positions.ToOffset(text, start.Line, start.Character), to = Positions.ToOffset(text, end.Line, end.Character);
                    var findings = (analysis.Findings.GetValueOrDefault(path) ?? []).Where(f => !f.IsSuppressed).ToList();
                    string uri = DocumentUris.FromPath(path);
                    if (Wants("quickfix"))
                    {
                        foreach (var finding in findings.Where(f => f.Location.Span.Start <= to && from <= f.Location.Span.End))
                        {
                            if (CodeFixes.For(finding, document) is { } fix)
                            {
                                WriteAction(w, fix.Title + (fix.Safety == FixSafety.Unsafe ? " (unsafe)" : string.Empty), "quickfix", [finding], fix.Safety == FixSafety.Safe, uri, text, fix.Edits);
                            }

                            foreach (var suppression in CodeFixes.Suppressions(finding, document))
                            {
                                WriteAction(w, suppression.Title, "quickfix", [finding], false, uri, text, suppression.Edits);
                            }
                        }
                    }

                    if (Wants(FixAllKind) && CodeFixes.Choose(findings, document, includeUnsafe: false) is { Count: > 0 } all)
                    {
                        WriteAction(w, "Fix all MapLint findings with a safe fix", FixAllKind, all.Select(f => f.Diagnostic).ToList(), false, uri, text, all.SelectMany(f => f.Edits).ToList());
                    }
                }
            }
        }

        w.WriteEndArray();
    }

    private static void WriteAction(Utf8JsonWriter w, string title, string kind, IReadOnlyList<Diagnostic> findings, bool preferred, string uri, SourceText text, IReadOnlyList<TextEdit> edits)
    {
        w.WriteStartObject();
        w.WriteString("title", title);
        w.WriteString("kind", kind);
        w.WriteStartArray("diagnostics");
        foreach (var finding in findings)
        {
            WriteDiagnostic(w, finding, text);
        }

        w.WriteEndArray();
        if (preferred)
        {
            w.WriteBoolean("isPreferred", true);
        }

        w.WriteStartObject("edit");
        w.WriteStartObject("changes");
        w.WriteStartArray(uri);
        foreach (var edit in edits.OrderBy(e => e.Span.Start))
        {
            w.WriteStartObject();
            Positions.WriteRange(w, "range", text, edit.Span);
            w.WriteString("newText", edit.NewText);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void Navigation(JsonElement parameters, Action<Navigation, int> write)
    {
        if (DocumentUris.ToPath(Uri(parameters)) is { } path && parameters.TryGetProperty("position", out var position) && Positions.ReadPosition(position) is { } at)
        {
            lock (gate)
            {
                var workspace = WorkspaceFor(path);
                var analysis = workspace.Analyze();
                if (analysis.Texts.TryGetValue(path, out var bytes))
                {
                    write(new Navigation(analysis, path, bytes, workspace.Root), Positions.ToOffset(new SourceText(bytes), at.Line, at.Character));
                    return;
                }
            }
        }

        throw new InvalidOperationException("the document is not open or the position is malformed");
    }

    private void Respond(JsonElement? id, Action<Utf8JsonWriter> result)
    {
        if (id is null)
        {
            return;
        }

        // The result is written first, so a handler that throws sends an error instead of half a response.
        var buffer = new ArrayBufferWriter<byte>();
        using (var resultWriter = new Utf8JsonWriter(buffer))
        {
            result(resultWriter);
        }

        transport.Write(Serialize(w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("id");
            id.Value.WriteTo(w);
            w.WritePropertyName("result");
            w.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
            w.WriteEndObject();
        }));
    }

    private void SendError(JsonElement? id, int code, string message) =>
        transport.Write(Serialize(w =>
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WritePropertyName("id");
            if (id is { } value)
            {
                value.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStartObject("error");
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        }));

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
