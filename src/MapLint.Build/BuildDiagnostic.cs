using System.Text.Json;
using MapLint.Diagnostics;
using Microsoft.Build.Utilities;

namespace MapLint.Build;

/// <summary>A finding as the build logs it and as the replay cache keeps it.</summary>
internal sealed record BuildDiagnostic(string Code, Severity Severity, string File, int Line, int Column, int EndLine, int EndColumn, string Message, string HelpLink)
{
    public static BuildDiagnostic From(Diagnostic d) =>
        new(d.Id, d.Severity, Reporting.OutputText.Line(d.Location.Path), d.Location.LineSpan.Start.Line, d.Location.LineSpan.Start.Column, d.Location.LineSpan.End.Line, d.Location.LineSpan.End.Column, Reporting.OutputText.Line(d.Message), d.Descriptor.HelpLink);

    /// <summary>Errors and warnings go to the Error List at file(line,col) with their code and help link.</summary>
    public void Log(TaskLoggingHelper log, WarningPolicy policy)
    {
        switch (policy.Apply(Code, Severity))
        {
            case Severity.Error:
                log.LogError("MapLint", Code, Code, HelpLink, File, Line, Column, EndLine, EndColumn, Message.Replace("{", "{{").Replace("}", "}}"));
                break;
            case Severity.Warning:
                log.LogWarning("MapLint", Code, Code, HelpLink, File, Line, Column, EndLine, EndColumn, Message.Replace("{", "{{").Replace("}", "}}"));
                break;
            case Severity.Info:
                log.LogMessage("MapLint", Code, Code, File, Line, Column, EndLine, EndColumn, Microsoft.Build.Framework.MessageImportance.Normal, Message.Replace("{", "{{").Replace("}", "}}"));
                break;
        }
    }

    public static void WriteCache(string path, string session, IEnumerable<BuildDiagnostic> diagnostics, IEnumerable<string> notes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("session", session);
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("code", d.Code);
                json.WriteNumber("severity", (int)d.Severity);
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteNumber("endLine", d.EndLine);
                json.WriteNumber("endColumn", d.EndColumn);
                json.WriteString("message", d.Message);
                json.WriteString("helpLink", d.HelpLink);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        Workspace.AtomicFile.Write(path, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static (string Session, List<BuildDiagnostic> Diagnostics, List<string> Notes)? ReadCache(string path)
    {
        try
        {
            // Regular files only, the size bounded: a link in obj/ to /dev/zero must not read forever.
            using var document = JsonDocument.Parse(Util.SafeFileReader.Read(path));
            var root = document.RootElement;
            var list = root.GetProperty("diagnostics").EnumerateArray().Select(e => new BuildDiagnostic(
                e.GetProperty("code").GetString()!,
                (Severity)e.GetProperty("severity").GetInt32(),
                e.GetProperty("file").GetString()!,
                e.GetProperty("line").GetInt32(),
                e.GetProperty("column").GetInt32(),
                e.GetProperty("endLine").GetInt32(),
                e.GetProperty("endColumn").GetInt32(),
                e.GetProperty("message").GetString()!,
                e.GetProperty("helpLink").GetString()!)).ToList();
            var notes = root.TryGetProperty("notes", out var array) ? array.EnumerateArray().Select(n => n.GetString()!).ToList() : [];
            return (root.GetProperty("session").GetString()!, list, notes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or Util.UnsafeReadException)
        {
            return null;
        }
    }
}
