using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MapLint.Diagnostics;
using MapLint.Util;

namespace MapLint.Workspace;

/// <summary>
/// Findings accepted when a team adopts MapLint on an existing repository. Entries are keyed by file (relative to
/// the baseline file), rule and logical location (document and mapping fields, not line numbers), with a count,
/// so unrelated edits keep them valid; a check with a baseline reports only what is not in it.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<(string File, string Rule, string Location), int> counts;

    private Baseline(string path, Dictionary<(string, string, string), int> counts)
    {
        Path = path;
        this.counts = counts;
    }

    public string Path { get; }

    public int EntryCount => counts.Values.Sum();

    /// <summary>Reads a baseline; a missing file is an empty baseline. Returns an error message for a malformed one.</summary>
    public static (Baseline? Baseline, string? Error) Load(string path)
    {
        var counts = new Dictionary<(string, string, string), int>();
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            return (new Baseline(path, counts), null);
        }

        if (kind != FileKind.Regular)
        {
            return (null, $"cannot read baseline '{path}': it is {FileKinds.Describe(kind)}, not a file");
        }

        try
        {
            // As maps are read: a byte order mark, comments and trailing commas are fine.
            var bytes = SafeFileReader.Read(path);
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            using var document = JsonDocument.Parse(bytes.AsMemory(start), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
            {
                var key = (entry.GetProperty("file").GetString()!, entry.GetProperty("rule").GetString()!, entry.GetProperty("location").GetString()!);
                counts[key] = counts.GetValueOrDefault(key) + (entry.TryGetProperty("count", out var count) ? count.GetInt32() : 1);
            }
        }
        catch (JsonException ex)
        {
            // The library's text would quote the file; the position is enough.
            string at = ex.LineNumber is { } line ? $" at line {(line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}, column {((ex.BytePositionInLine ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty;
            return (null, $"cannot read baseline '{path}': it is not valid JSON{at}");
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, $"cannot read baseline '{path}': it is not a MapLint baseline (an object with 'entries', each with 'file', 'rule' and 'location' strings)");
        }
        catch (UnsafeReadException ex)
        {
            return (null, $"cannot read baseline '{path}': {ex.Message}");
        }

        return (new Baseline(path, counts), null);
    }

    /// <summary>The findings not covered by the baseline (each entry covers as many findings as its count).</summary>
    public IReadOnlyList<Diagnostic> NewFindings(IEnumerable<Diagnostic> diagnostics, string currentDirectory)
    {
        var remaining = new Dictionary<(string, string, string), int>(counts);
        var result = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsSuppressed)
            {
                result.Add(diagnostic);
                continue;
            }

            var key = Key(diagnostic, currentDirectory);
            if (remaining.TryGetValue(key, out int left) && left > 0)
            {
                remaining[key] = left - 1;
            }
            else
            {
                result.Add(diagnostic);
            }
        }

        return result;
    }

    /// <summary>Writes the current unsuppressed findings as the new baseline, atomically (temporary file, then rename).</summary>
    public static void Write(string path, IEnumerable<Diagnostic> diagnostics, string currentDirectory, WriteGuard? guard = null)
    {
        var baseline = new Baseline(path, new Dictionary<(string, string, string), int>());
        var entries = diagnostics.Where(d => !d.IsSuppressed)
            .GroupBy(d => baseline.Key(d, currentDirectory))
            .OrderBy(g => g.Key.File, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Rule, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Location, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("tool", "maplint");
            json.WriteStartArray("entries");
            foreach (var group in entries)
            {
                json.WriteStartObject();
                json.WriteString("file", group.Key.File);
                json.WriteString("rule", group.Key.Rule);
                json.WriteString("location", group.Key.Location);
                json.WriteNumber("count", group.Count());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        SafeFileWriter.Write(path, Reporting.OutputText.Json(Encoding.UTF8.GetString(stream.ToArray())) + "\n", guard);
    }

    private (string File, string Rule, string Location) Key(Diagnostic diagnostic, string currentDirectory)
    {
        string full = PathUtil.FullPath(diagnostic.Location.Path, currentDirectory);
        string folder = System.IO.Path.GetDirectoryName(PathUtil.FullPath(Path, currentDirectory))!;
        string file = System.IO.Path.GetRelativePath(folder, full).Replace('\\', '/');
        // Redacted on both sides (written and compared): a name holding a credential never lands in the file.
        return (file, diagnostic.Id, Secrets.Credentials.Redact(diagnostic.LogicalLocation ?? diagnostic.JsonPath ?? "file"));
    }
}
