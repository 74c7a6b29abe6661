using System.Text;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Fixes;

/// <summary>
/// Edits that keep a document's layout: a removed item takes its separator with it and leaves its neighbours'
/// lines as they were; an added one copies the indentation and line break of the item before it.
/// </summary>
public static class JsonEdits
{
    /// <summary>A JSON string literal (the quotes included) for a value.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static TextEdit Replace(JsonNode node, string json) => new(node.Span, json);

    /// <summary>Removes item <paramref name="index"/> of an array with the comma that separates it.</summary>
    public static TextEdit RemoveItem(JsonArray array, int index) =>
        Remove(array.Span, array.Items.Count, index, i => array.Items[i].Span);

    /// <summary>Removes a property of an object with the comma that separates it.</summary>
    public static TextEdit RemoveProperty(JsonObject owner, JsonProperty property)
    {
        var properties = owner.Properties;
        int index = 0;
        while (index < properties.Count && !ReferenceEquals(properties[index], property))
        {
            index++;
        }

        return Remove(owner.Span, properties.Count, index, i => properties[i].Span);
    }

    private static TextEdit Remove(TextSpan container, int count, int index, Func<int, TextSpan> spanOf)
    {
        var span = spanOf(index);
        if (count == 1)
        {
            // The only member: the container is left empty, "[]" or "{}".
            return new TextEdit(TextSpan.FromBounds(container.Start + 1, container.End - 1), string.Empty);
        }

        // Up to the next member (it takes this one's place and indentation), or from the previous one for the last.
        return index < count - 1
            ? new TextEdit(TextSpan.FromBounds(span.Start, spanOf(index + 1).Start), string.Empty)
            : new TextEdit(TextSpan.FromBounds(spanOf(index - 1).End, span.End), string.Empty);
    }

    /// <summary>Adds an item after the last one of a non-empty array, on its own line when the items are one a line.</summary>
    public static TextEdit AppendItem(FixDocument document, JsonArray array, string json)
    {
        if (array.Items.Count == 0)
        {
            return new TextEdit(new TextSpan(array.Span.Start + 1, array.Span.End - 1), json);
        }

        return After(document, array.Items[array.Items.Count - 1].Span, json);
    }

    /// <summary>Adds a property after the last one of an object, in the object's layout.</summary>
    public static TextEdit AddProperty(FixDocument document, JsonObject owner, string name, string json)
    {
        string member = Quote(name) + ": " + json;
        var properties = owner.Properties;
        if (properties.Count == 0)
        {
            return new TextEdit(new TextSpan(owner.Span.Start + 1, owner.Span.End - 1), " " + member + " ");
        }

        return After(document, properties[properties.Count - 1].Span, member);
    }

    private static TextEdit After(FixDocument document, TextSpan last, string member)
    {
        string separator = document.StartsLine(last.Start)
            ? "," + document.LineBreak + document.IndentationAt(last.Start)
            : ", ";
        return new TextEdit(new TextSpan(last.End, last.End), separator + member);
    }
}
