using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MapLint.Bench;

/// <summary>
/// `lsp`: the time from a <c>textDocument/didChange</c> to the <c>textDocument/publishDiagnostics</c> that reflects
/// it, against the real `maplint lsp` process, in a generated workspace of N maps. Each edit toggles a stale
/// suppression at the top of one map, so every edit changes that map's findings (DIPV2009 comes and goes). It runs
/// with the server's own debounce (what a user sees) and with none (the analysis alone). Not a test: figures only.
/// </summary>
public static class LspLatency
{
    public static int Run(string[] args)
    {
        int maps = int.Parse(Program.Arg(args, "--maps", "1000"), CultureInfo.InvariantCulture);
        int edits = int.Parse(Program.Arg(args, "--edits", "20"), CultureInfo.InvariantCulture);
        string corpus = Program.Arg(args, "--corpus", Path.Combine(Path.GetTempPath(), $"maplint-lsp-bench-{maps}"));
        string server = Program.Arg(args, "--server", Path.Combine(FindRoot(), "src", "MapLint.Cli", "bin", "Release", "net10.0", "maplint.dll"));
        if (!Directory.Exists(corpus))
        {
            CorpusGenerator.Write(corpus, maps, 1);
        }

        string map = Directory.GetFiles(corpus, "*.json", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("\"tableMap\"", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .First();
        Console.WriteLine($"workspace: {corpus} ({maps} maps), edited map: {Path.GetRelativePath(corpus, map)}, server: {server}");
        if (args.Contains("--in-process"))
        {
            InProcess(corpus, map, edits);
            return 0;
        }

        string modes = Program.Arg(args, "--debounce", "both");
        foreach (int debounce in modes == "both" ? new[] { -1, 0 } : modes == "default" ? new[] { -1 } : new[] { int.Parse(modes, CultureInfo.InvariantCulture) })
        {
            Measure(server, corpus, map, edits, debounce);
        }

        return 0;
    }

    private static void Measure(string server, string corpus, string map, int edits, int debounce)
    {
        var start = new ProcessStartInfo(server.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : server)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (server.EndsWith(".dll", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(server);
        }

        start.ArgumentList.Add("lsp");
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var input = process.StandardInput.BaseStream;
        var output = process.StandardOutput.BaseStream;
        string uri = new Uri(map).AbsoluteUri;
        string options = debounce < 0 ? "{}" : $"{{\"debounceMilliseconds\": {debounce}}}";
        Send(input, $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{{\"processId\":{Environment.ProcessId},\"rootUri\":{JsonSerializer.Serialize(new Uri(corpus).AbsoluteUri)},\"capabilities\":{{}},\"initializationOptions\":{options}}}}}");
        Receive(output, m => m.TryGetProperty("id", out _));
        string text = File.ReadAllText(map);
        var clock = Stopwatch.StartNew();
        Send(input, $"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{{\"textDocument\":{{\"uri\":{JsonSerializer.Serialize(uri)},\"languageId\":\"json\",\"version\":1,\"text\":{JsonSerializer.Serialize(text)}}}}}}}");
        Receive(output, m => IsDiagnosticsFor(m, uri, null));
        double open = clock.Elapsed.TotalMilliseconds;

        int brace = text.IndexOf('{', StringComparison.Ordinal);
        string stale = text.Insert(brace + 1, " \"suppressions\": [{ \"rule\": \"DIPV9999\", \"justification\": \"bench\" }],");
        var times = new List<double>();
        for (int i = 0; i < edits; i++)
        {
            bool add = i % 2 == 0;
            clock.Restart();
            Send(input, $"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{{\"textDocument\":{{\"uri\":{JsonSerializer.Serialize(uri)},\"version\":{i + 2}}},\"contentChanges\":[{{\"text\":{JsonSerializer.Serialize(add ? stale : text)}}}]}}}}");
            Receive(output, m => IsDiagnosticsFor(m, uri, add));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        Send(input, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        Receive(output, m => m.TryGetProperty("id", out _));
        Send(input, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        process.WaitForExit(10000);
        times.Sort();
        string F(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);
        Console.WriteLine($"debounce {(debounce < 0 ? "default (150 ms)" : debounce + " ms")}: open -> first diagnostics {F(open)} ms; didChange -> publishDiagnostics over {edits} edits: median {F(times[times.Count / 2])} ms, p90 {F(times[(int)(times.Count * 0.9)])} ms, min {F(times[0])} ms, max {F(times[^1])} ms");
    }

    /// <summary>The engine's update alone, in this process, with the time of each phase: where an edit's time goes.</summary>
    private static void InProcess(string corpus, string map, int edits)
    {
        var files = MapLint.Workspace.FileDiscovery.Discover([corpus], corpus).Files;
        var clock = Stopwatch.StartNew();
        var workspace = MapLint.Engine.LintWorkspace.Open(files);
        Console.WriteLine($"open: {clock.ElapsedMilliseconds} ms");
        var text = File.ReadAllBytes(map);
        for (int i = 0; i < edits; i++)
        {
            clock.Restart();
            var update = workspace.Update(map, i % 2 == 0 ? [.. text, (byte)' '] : text);
            Console.WriteLine($"update {i}: {clock.ElapsedMilliseconds} ms, {update.ChangedPaths.Count} files re-checked or changed; " + string.Join(", ", update.Result.Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalMilliseconds:0}")));
        }
    }

    private static bool IsDiagnosticsFor(JsonElement message, string uri, bool? stale) =>
        message.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics"
        && message.GetProperty("params").GetProperty("uri").GetString() == uri
        && (stale is null || message.GetProperty("params").GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "DIPV2009") == stale);

    private static void Send(Stream input, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        input.Write(body);
        input.Flush();
    }

    private static void Receive(Stream output, Func<JsonElement, bool> match)
    {
        while (true)
        {
            int length = -1;
            var line = new StringBuilder();
            while (true)
            {
                int b = output.ReadByte();
                if (b < 0)
                {
                    throw new EndOfStreamException("the server closed its output");
                }

                if (b != '\n')
                {
                    line.Append((char)b);
                    continue;
                }

                string header = line.ToString().TrimEnd('\r');
                line.Clear();
                if (header.Length == 0)
                {
                    break;
                }

                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(header.AsSpan(15).Trim(), CultureInfo.InvariantCulture);
                }
            }

            var body = new byte[length];
            output.ReadExactly(body);
            using var message = JsonDocument.Parse(body);
            if (match(message.RootElement))
            {
                return;
            }
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MapLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
