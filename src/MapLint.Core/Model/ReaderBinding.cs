using System.Text.Json;
using MapLint.Syntax;

namespace MapLint.Model;

/// <summary>
/// What the reader binders share: the bulk of a document (a map's mappings, a metadata file's entities) is bound
/// straight from the reader, and the rest goes through the syntax tree with that bulk blanked out.
/// </summary>
internal static class ReaderBinding
{
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = JsonParser.MaxDepth + 2 };

    /// <summary>The byte range of the value of a top-level property, when there is exactly one and it opens with <paramref name="start"/>.</summary>
    public static (int Start, int End)? FindTopLevel(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> name, JsonTokenType start)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            (int, int)? found = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isIt = reader.ValueTextEquals(name);
                if (!reader.Read())
                {
                    return null;
                }

                if (isIt)
                {
                    if (found is not null || reader.TokenType != start)
                    {
                        return null; // a second one, or not the expected container: the tree path reports it
                    }

                    int from = (int)reader.TokenStartIndex;
                    reader.Skip();
                    found = (from, (int)reader.TokenStartIndex + 1);
                }
                else
                {
                    reader.Skip();
                }
            }

            return reader.TokenType == JsonTokenType.EndObject ? found : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The document's bytes with a container emptied: blanks in place of its content, line breaks kept, so every
    /// offset and every line of the rest stays where it was.
    /// </summary>
    public static byte[] Blank(byte[] utf8, (int Start, int End) range)
    {
        var copy = (byte[])utf8.Clone();
        for (int i = range.Start + 1; i < range.End - 1; i++)
        {
            if (copy[i] is not ((byte)'\n' or (byte)'\r'))
            {
                copy[i] = (byte)' ';
            }
        }

        return copy;
    }
}
