using System.Text.Json;
using MapLint.Syntax;

namespace MapLint.Model;

/// <summary>
/// What the reader binders share: the bulk of a document (a map's mappings, a metadata file's entities) is bound
/// straight from the reader, and the rest goes through the syntax tree with that bulk left out (JsonParser.ParseWithout).
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
    /// The first top-level <c>kind</c> of a document (the one the parser keeps), reading no further than that.
    /// <paramref name="complete"/> is false for the first bytes of a file: a kind past them answers null.
    /// </summary>
    public static string? PeekKind(ReadOnlySpan<byte> utf8, bool complete)
    {
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            utf8 = utf8[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, complete, new JsonReaderState(Options));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isKind = reader.ValueTextEquals("kind"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isKind)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        return null;
    }

    /// <summary>A string token's text: from the name table when it needs no unescaping (most do not).</summary>
    public static string String(ref Utf8JsonReader reader, NameTable names) => reader.ValueIsEscaped ? reader.GetString()! : names.Get(reader.ValueSpan);

    /// <summary>Any string; an escaped one is unescaped once, so a bad escape fails here as it does in the parser.</summary>
    public static bool AnyString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && (!reader.ValueIsEscaped || reader.GetString() is not null);

    /// <summary>A string with at least one character, as the shapes' names require.</summary>
    public static bool NonEmpty(ref Utf8JsonReader reader, NameTable names, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0 ? String(ref reader, names) : null;
        return value is not null;
    }

    /// <summary>A scalar's canonical text, as <see cref="Transform.ScalarText"/> gives it; null for anything else.</summary>
    public static string? Scalar(ref Utf8JsonReader reader, NameTable names) => reader.TokenType switch
    {
        JsonTokenType.String => String(ref reader, names),
        JsonTokenType.Number => names.Get(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>Marks a known property as seen; false for an unknown one or a second occurrence (a duplicate key).</summary>
    public static bool First(ref int seen, string property, string[] known)
    {
        int index = Array.IndexOf(known, property);
        if (index < 0 || (seen & (1 << index)) != 0)
        {
            return false;
        }

        seen |= 1 << index;
        return true;
    }
}
