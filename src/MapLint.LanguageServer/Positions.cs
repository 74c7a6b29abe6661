using System.Text;
using System.Text.Json;
using MapLint.Text;

namespace MapLint.LanguageServer;

/// <summary>
/// LSP positions are 0-based lines and UTF-16 code units; MapLint's are byte offsets into UTF-8 text with 1-based
/// lines and character columns. Both directions go through the document's line table.
/// </summary>
public static class Positions
{
    public static (int Line, int Character) ToLsp(SourceText text, int offset)
    {
        var position = text.GetLinePosition(offset);
        return (position.Line - 1, position.Column - 1);
    }

    /// <summary>The byte offset of an LSP position; positions past a line's end clamp to it.</summary>
    public static int ToOffset(SourceText text, int line, int character)
    {
        if (line < 0)
        {
            return 0;
        }

        if (line >= text.LineCount)
        {
            return text.Length;
        }

        int start = text.GetLineStart(line);
        string lineText = text.GetLineText(line);
        int units = Math.Clamp(character, 0, lineText.Length);
        return start + Encoding.UTF8.GetByteCount(lineText.AsSpan(0, units));
    }

    public static void WriteRange(Utf8JsonWriter writer, string name, SourceText? text, TextSpan span)
    {
        writer.WriteStartObject(name);
        var (startLine, startCharacter) = text is null ? (0, 0) : ToLsp(text, span.Start);
        var (endLine, endCharacter) = text is null ? (0, 0) : ToLsp(text, span.End);
        WritePosition(writer, "start", startLine, startCharacter);
        WritePosition(writer, "end", endLine, endCharacter);
        writer.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter writer, string name, int line, int character)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("line", line);
        writer.WriteNumber("character", character);
        writer.WriteEndObject();
    }

    /// <summary>Reads <c>{ "line", "character" }</c>; null when malformed.</summary>
    public static (int Line, int Character)? ReadPosition(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("line", out var line) && line.TryGetInt32(out int l)
        && element.TryGetProperty("character", out var character) && character.TryGetInt32(out int c)
            ? (l, c)
            : null;
}
