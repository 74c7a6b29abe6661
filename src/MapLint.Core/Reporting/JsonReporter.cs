using System.Text.Json;
using MapLint.Diagnostics;

namespace MapLint.Reporting;

/// <summary>Machine-readable output: every diagnostic with its rule, place, JSON path and fix properties.</summary>
public static class JsonReporter
{
    public static void Write(LintResult result, Stream stream, string toolVersion)
    {
        using var buffer = new MemoryStream();
        WriteTo(result, buffer, toolVersion);
        var safe = System.Text.Encoding.UTF8.GetBytes(OutputText.Json(System.Text.Encoding.UTF8.GetString(buffer.ToArray())));
        stream.Write(safe, 0, safe.Length);
    }

    private static void WriteTo(LintResult result, Stream stream, string toolVersion)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteNumber("formatVersion", 1);
        writer.WriteStartObject("tool");
        writer.WriteString("name", "maplint");
        writer.WriteString("version", toolVersion);
        writer.WriteEndObject();
        writer.WriteStartArray("diagnostics");
        foreach (var d in result.Diagnostics)
        {
            var span = d.Location.LineSpan;
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("severity", d.Severity.ToDisplayString());
            writer.WriteString("title", d.Descriptor.Title);
            writer.WriteString("message", d.Message);
            writer.WriteString("file", d.Location.Path);
            writer.WriteNumber("line", span.Start.Line);
            writer.WriteNumber("column", span.Start.Column);
            writer.WriteNumber("endLine", span.End.Line);
            writer.WriteNumber("endColumn", span.End.Column);
            if (d.JsonPath is not null)
            {
                writer.WriteString("jsonPath", d.JsonPath);
            }

            if (d.LogicalLocation is not null)
            {
                writer.WriteString("logicalLocation", Secrets.Credentials.Redact(d.LogicalLocation));
            }

            writer.WriteString("helpUri", d.Descriptor.HelpLink);
            if (d.IsSuppressed)
            {
                writer.WriteBoolean("suppressed", true);
                writer.WriteString("justification", d.SuppressionJustification);
            }

            if (d.Properties.Count > 0)
            {
                writer.WriteStartObject("properties");
                foreach (var pair in d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(pair.Key, pair.Value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        writer.WriteNumber("errors", result.Count(Severity.Error));
        writer.WriteNumber("warnings", result.Count(Severity.Warning));
        writer.WriteNumber("infos", result.Count(Severity.Info));
        writer.WriteNumber("suppressed", result.SuppressedCount);
        writer.WriteNumber("files", result.FileCount);
        writer.WriteNumber("documents", result.DocumentCount);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }
}
