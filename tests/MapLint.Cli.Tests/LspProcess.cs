using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLint.Cli.Tests;

/// <summary>
/// `maplint lsp` as a child process (the built CLI, or MAPLINT_CLI's native build), spoken to in the LSP base
/// protocol byte by byte, so tests can also send what no well-behaved client library would.
/// </summary>
public sealed class LspProcess : IDisposable
{
    private readonly Process process;
    private readonly BlockingCollection<JsonObject> messages = [];
    private readonly StringBuilder stderr = new();
    private int nextId;

    public LspProcess(string workingDirectory)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo(CliRunner.NativeCli ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (CliRunner.NativeCli is null)
        {
            start.ArgumentList.Add(Path.Combine(CliRunner.Root, "src", "MapLint.Cli", "bin", configuration, "net10.0", "maplint.dll"));
        }

        start.ArgumentList.Add("lsp");
        process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        new Thread(ReadLoop) { IsBackground = true }.Start();
    }

    public Process Process => process;

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    private void ReadLoop()
    {
        var input = process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                int length = -1;
                string? line;
                while ((line = ReadLine(input)) is { Length: > 0 })
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line.AsSpan(15).Trim(), CultureInfo.InvariantCulture);
                    }
                }

                if (line is null || length < 0)
                {
                    break;
                }

                var body = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = input.Read(body, read, length - read);
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                messages.Add(JsonNode.Parse(body)!.AsObject());
            }
        }
        finally
        {
            messages.CompleteAdding();
        }
    }

    private static string? ReadLine(Stream input)
    {
        var line = new StringBuilder();
        int b;
        while ((b = input.ReadByte()) >= 0 && b != '\n')
        {
            line.Append((char)b);
        }

        return b < 0 && line.Length == 0 ? null : line.ToString().TrimEnd('\r');
    }

    public void SendRaw(byte[] bytes)
    {
        process.StandardInput.BaseStream.Write(bytes);
        process.StandardInput.BaseStream.Flush();
    }

    public void SendBody(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        SendRaw([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
    }

    public void Notify(string method, JsonNode? parameters) =>
        SendBody(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToJsonString());

    /// <summary>Sends a request and returns its response (notifications that come first are kept for <see cref="WaitFor"/>).</summary>
    public JsonObject Request(string method, JsonNode? parameters)
    {
        int id = Interlocked.Increment(ref nextId);
        SendBody(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        return WaitFor(m => m["id"]?.GetValueKind() == JsonValueKind.Number && (int)m["id"]! == id, $"the response to {method}");
    }

    private readonly List<JsonObject> held = [];

    /// <summary>The first message (held or new) that matches, within 30 s.</summary>
    public JsonObject WaitFor(Func<JsonObject, bool> match, string what)
    {
        lock (held)
        {
            if (held.FirstOrDefault(match) is { } early)
            {
                held.Remove(early);
                return early;
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (messages.TryTake(out var message, TimeSpan.FromMilliseconds(200)))
            {
                if (match(message))
                {
                    return message;
                }

                lock (held)
                {
                    held.Add(message);
                }
            }
            else if (messages.IsCompleted)
            {
                break;
            }
        }

        throw new TimeoutException($"no {what} from maplint lsp; its stderr:\n{Stderr}");
    }

    /// <summary>The next diagnostics published for a URI that satisfy a condition.</summary>
    public JsonArray Diagnostics(string uri, Func<JsonArray, bool>? condition = null) =>
        WaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri && (condition?.Invoke(m["params"]!["diagnostics"]!.AsArray()) ?? true), $"diagnostics for {uri}")["params"]!["diagnostics"]!.AsArray();

    public JsonObject Initialize(string rootPath, int? processId = null) =>
        Request("initialize", new JsonObject
        {
            ["processId"] = processId ?? Environment.ProcessId,
            ["rootUri"] = new Uri(rootPath).AbsoluteUri,
            ["capabilities"] = new JsonObject(),
        });

    public void Open(string path, string text) =>
        Notify("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["languageId"] = path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "xml" : "json", ["version"] = 1, ["text"] = text } });

    public bool WaitForExit(int milliseconds) => process.WaitForExit(milliseconds);

    public void CloseInput() => process.StandardInput.Close();

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
