using System.Text;
using System.Text.Json;
using MapLint.Diagnostics;
using MapLint.Text;

namespace MapLint.Syntax;

/// <summary>
/// Parses JSON (comments and trailing commas allowed) into a tree that keeps a span for every node. One pass
/// with <see cref="Utf8JsonReader"/> and an explicit stack, so hostile nesting cannot overflow the call stack.
/// </summary>
public static class JsonParser
{
    /// <summary>Deeper documents are reported rather than parsed; no MapLint document needs more than a dozen levels.</summary>
    public const int MaxDepth = 128;

    public static JsonNode? Parse(SourceText text, DiagnosticBag bag) => Parse(text, text.Utf8, bag, int.MaxValue, 0);

    /// <summary>
    /// The document parsed as if one container's content were not there (the bulk a reader binder binds): its
    /// brackets are kept, so it is an empty container, and every span is where it is in the whole text. Only the
    /// rest of the document is copied (a few hundred bytes of a map), not the whole text blanked.
    /// </summary>
    internal static JsonNode? ParseWithout(SourceText text, (int Start, int End) container, DiagnosticBag bag)
    {
        var utf8 = text.Utf8;
        int cut = container.End - container.Start - 2;
        var rest = new byte[utf8.Length - cut];
        utf8.AsSpan(0, container.Start + 1).CopyTo(rest);
        utf8.AsSpan(container.End - 1).CopyTo(rest.AsSpan(container.Start + 1));
        return Parse(text, rest, bag, container.Start + 1, cut);
    }

    /// <summary>Parses <paramref name="bytes"/>, <paramref name="text"/> or the text less a cut: offsets from <paramref name="shiftFrom"/> on move by <paramref name="shift"/>.</summary>
    private static JsonNode? Parse(SourceText text, byte[] bytes, DiagnosticBag bag, int shiftFrom, int shift)
    {
        if (IsBlank(bytes))
        {
            bag.Add(SyntaxRules.JsonSyntaxError, new TextSpan(0, 0), null, "The file is empty; a MapLint document is a JSON object with a 'kind' property.");
            return null;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth + 2,
        });

        var stack = new Stack<JsonNode>();
        var names = NameTable.Current;
        JsonNode? root = null;
        string? pendingName = null;
        TextSpan pendingNameSpan = default;
        bool pendingIsDuplicate = false;
        // Per depth: a set of the names of the object open there, used (and reused) once it has many members.
        HashSet<string>?[] seenNames = new HashSet<string>?[MaxDepth + 2];
        bool[] seenActive = new bool[MaxDepth + 2];

        try
        {
            while (reader.Read())
            {
                int start = (int)reader.TokenStartIndex;
                if (start >= shiftFrom)
                {
                    start += shift;
                }

                JsonNode? node = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        pendingName = reader.ValueIsEscaped ? Unescape(ref reader) : names.Get(reader.ValueSpan);
                        pendingNameSpan = new TextSpan(start, start + reader.ValueSpan.Length + 2);
                        var owner = (JsonObject)stack.Peek();
                        pendingIsDuplicate = IsDuplicate(owner, pendingName, ref seenNames[stack.Count], ref seenActive[stack.Count]);
                        if (pendingIsDuplicate)
                        {
                            bag.Add(SyntaxRules.DuplicateProperty, pendingNameSpan, owner.Path, pendingName);
                        }

                        continue;
                    }

                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                    {
                        if (stack.Count >= MaxDepth)
                        {
                            bag.Add(SyntaxRules.JsonSyntaxError, new TextSpan(start, start + 1), null, $"The document nests deeper than {MaxDepth} levels; MapLint stops reading here. No MapLint document needs such depth.");
                            return null;
                        }

                        JsonNode container = reader.TokenType == JsonTokenType.StartObject
                            ? new JsonObject(new TextSpan(start, start))
                            : new JsonArray(new TextSpan(start, start));
                        Attach(container, stack, ref pendingName, pendingNameSpan, pendingIsDuplicate, ref root);
                        stack.Push(container);
                        seenActive[stack.Count] = false;
                        continue;
                    }

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                    {
                        var container = stack.Pop();
                        container.Span = new TextSpan(container.Span.Start, start + 1);
                        continue;
                    }

                    case JsonTokenType.String:
                        node = new JsonString(reader.ValueIsEscaped ? Unescape(ref reader) : names.Get(reader.ValueSpan), new TextSpan(start, start + reader.ValueSpan.Length + 2));
                        break;
                    case JsonTokenType.Number:
                        node = new JsonNumber(names.Get(reader.ValueSpan), new TextSpan(start, start + reader.ValueSpan.Length));
                        break;
                    case JsonTokenType.True:
                        node = new JsonLiteral(JsonNodeKind.True, new TextSpan(start, start + 4));
                        break;
                    case JsonTokenType.False:
                        node = new JsonLiteral(JsonNodeKind.False, new TextSpan(start, start + 5));
                        break;
                    case JsonTokenType.Null:
                        node = new JsonLiteral(JsonNodeKind.Null, new TextSpan(start, start + 4));
                        break;
                    default:
                        continue;
                }

                Attach(node, stack, ref pendingName, pendingNameSpan, pendingIsDuplicate, ref root);
            }
        }
        catch (InvalidEscapeException ex)
        {
            var span = ex.Span.Start >= shiftFrom ? new TextSpan(ex.Span.Start + shift, ex.Span.End + shift) : ex.Span;
            bag.Add(SyntaxRules.JsonSyntaxError, span, null, "JSON syntax error: a string escapes half of a UTF-16 surrogate pair (\\uD800-\\uDFFF without its other half); write the character itself or both halves.");
            return null;
        }
        catch (JsonException ex)
        {
            int offset;
            if (shift == 0)
            {
                int line = (int)Math.Min(ex.LineNumber ?? 0, text.LineCount - 1);
                offset = Math.Min(text.GetLineStart(line) + (int)(ex.BytePositionInLine ?? 0), text.Length);
            }
            else
            {
                offset = OffsetOf(bytes, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
                offset = Math.Min(offset >= shiftFrom ? offset + shift : offset, text.Length);
            }

            bag.Add(SyntaxRules.JsonSyntaxError, new TextSpan(offset, Math.Min(offset + 1, text.Length)), null, Describe(text.Utf8, offset));
            return null;
        }

        return root;
    }

    private static void Attach(JsonNode node, Stack<JsonNode> stack, ref string? pendingName, TextSpan pendingNameSpan, bool isDuplicate, ref JsonNode? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return;
        }

        var parent = stack.Peek();
        node.Parent = parent;
        if (parent is JsonObject obj)
        {
            var property = new JsonProperty(pendingName!, pendingNameSpan, node);
            node.Name = pendingName;
            if (node is JsonObject child)
            {
                child.OwnerProperty = property;
            }

            // A duplicate key was reported when its name was read; keep the first value, as the message says.
            if (!isDuplicate)
            {
                obj.Add(property);
            }

            pendingName = null;
        }
        else
        {
            var array = (JsonArray)parent;
            node.Index = array.Items.Count;
            array.Add(node);
        }
    }

    /// <summary>
    /// An escaped string's text. The reader accepts a lone surrogate escape such as <c>"\uD800"</c> as valid JSON
    /// but throws when asked for the string (found by the mutation fuzz test): that becomes a syntax error here.
    /// </summary>
    private static string Unescape(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            int start = (int)reader.TokenStartIndex;
            throw new InvalidEscapeException(new TextSpan(start, start + reader.ValueSpan.Length + 2));
        }
    }

    private sealed class InvalidEscapeException(TextSpan span) : Exception
    {
        public TextSpan Span { get; } = span;
    }

    /// <summary>
    /// Whether the object already has the name: a scan while it is small (most are), a set once it is large, so
    /// an object with a million members stays linear.
    /// </summary>
    private static bool IsDuplicate(JsonObject owner, string name, ref HashSet<string>? seen, ref bool active)
    {
        var properties = owner.Properties;
        if (!active)
        {
            if (properties.Count < 16)
            {
                foreach (var property in properties)
                {
                    if (ReferenceEquals(property.Name, name) || property.Name == name)
                    {
                        return true;
                    }
                }

                return false;
            }

            seen ??= new HashSet<string>(StringComparer.Ordinal);
            seen.Clear();
            active = true;
            foreach (var property in properties)
            {
                seen.Add(property.Name);
            }
        }

        return !seen!.Add(name);
    }

    /// <summary>
    /// The message for a syntax error at <paramref name="offset"/>, in MapLint's own words. System.Text.Json's
    /// exception text quotes the input from the error on (the rest of the file, secrets included), so it never
    /// reaches a message; a bare word is named only when it is a misspelt literal.
    /// </summary>
    private static string Describe(ReadOnlySpan<byte> utf8, int offset)
    {
        if (offset >= utf8.Length)
        {
            return "The JSON ends too early (truncated file?): close every object and array and finish the last value.";
        }

        // The reader stops after a bad literal ('tru,' stops at the comma): name the word that ends there.
        static bool IsLetter(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z');
        int wordStart = offset;
        while (wordStart > 0 && offset - wordStart < 12 && IsLetter(utf8[wordStart - 1]))
        {
            wordStart--;
        }

        if (wordStart < offset)
        {
            offset = wordStart;
        }

        byte at = utf8[offset];
        if (at is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z'))
        {
            int end = offset;
            while (end < utf8.Length && end - offset < 12 && utf8[end] is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z'))
            {
                end++;
            }

            string word = System.Text.Encoding.ASCII.GetString(utf8.Slice(offset, end - offset).ToArray());
            foreach (var literal in (string[])["true", "false", "null"])
            {
                if (word != literal && (literal.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(literal, StringComparison.Ordinal)))
                {
                    return $"JSON syntax error: '{word}' is not a JSON value; did you mean '{literal}'?";
                }
            }

            return word is "NaN" or "Infinity" or "undefined"
                ? $"JSON syntax error: '{word}' is not a JSON value; JSON has no NaN, Infinity or undefined (use null or a number)."
                : "JSON syntax error: an unquoted word is not a JSON value; put strings in double quotes, or write a number, true, false or null.";
        }

        string shown = at is >= 0x21 and < 0x7F ? "'" + (char)at + "'" : "U+" + (at < 0x80 ? at.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : "(non-ASCII)");
        return at == (byte)'-' && offset + 1 < utf8.Length && utf8[offset + 1] == (byte)'I'
            ? "JSON syntax error: '-Infinity' is not a JSON value; JSON has no NaN, Infinity or undefined (use null or a number)."
            : $"JSON syntax error: unexpected {shown} here; check what comes before it (a missing or extra comma, colon, quote or bracket).";
    }

    /// <summary>The offset of a line and byte position the reader gives, in bytes that are not the text's own.</summary>
    private static int OffsetOf(byte[] bytes, long line, long position)
    {
        int offset = 0;
        for (long l = 0; l < line && offset < bytes.Length; l++)
        {
            int next = Array.IndexOf(bytes, (byte)'\n', offset);
            offset = next < 0 ? bytes.Length : next + 1;
        }

        return (int)Math.Min(offset + position, bytes.Length);
    }

    private static bool IsBlank(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
