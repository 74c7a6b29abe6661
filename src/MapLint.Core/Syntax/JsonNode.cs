using System.Globalization;
using System.Text;
using MapLint.Text;

namespace MapLint.Syntax;

public enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A node of the JSON syntax tree with its exact span; the tree is immutable after parsing.</summary>
public abstract class JsonNode : ISyntaxAnchor
{
    protected JsonNode(JsonNodeKind kind, TextSpan span)
    {
        Kind = kind;
        Span = span;
    }

    public JsonNodeKind Kind { get; }

    public TextSpan Span { get; internal set; }

    public JsonNode? Parent { get; internal set; }

    /// <summary>The property name under an object parent; null for an array item or the root.</summary>
    public string? Name { get; internal set; }

    /// <summary>The index under an array parent; -1 for an object member or the root.</summary>
    public int Index { get; internal set; } = -1;

    /// <summary>The JSON path of this node, e.g. <c>$.mappings[2].source</c>; computed on demand.</summary>
    public string Path
    {
        get
        {
            var segments = new Stack<JsonNode>();
            for (JsonNode? node = this; node is { Parent: not null }; node = node.Parent)
            {
                segments.Push(node);
            }

            var builder = new StringBuilder("$");
            foreach (var segment in segments)
            {
                if (segment.Name is null)
                {
                    builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    var name = segment.Name;
                    if (IsPlainName(name))
                    {
                        builder.Append('.').Append(name);
                    }
                    else
                    {
                        builder.Append("['").Append(name.Replace("'", "\\'")).Append("']");
                    }
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>A short name of the JSON type, for messages.</summary>
    public string TypeName => Kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.True or JsonNodeKind.False => "a boolean",
        _ => "null",
    };

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_' || name[0] == '$'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$'))
            {
                return false;
            }
        }

        return true;
    }
}

public sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }

    /// <summary>From the name's opening quote to the end of the value.</summary>
    public TextSpan Span => TextSpan.FromBounds(NameSpan.Start, Value.Span.End);
}

public sealed class JsonObject : JsonNode
{
    private readonly List<JsonProperty> properties = new();

    internal JsonObject(TextSpan span)
        : base(JsonNodeKind.Object, span)
    {
    }

    public NodeList<JsonProperty> Properties => new(properties);

    /// <summary>The property that holds this object in its parent, when it is an object member.</summary>
    public JsonProperty? OwnerProperty { get; internal set; }

    internal void Add(JsonProperty property) => properties.Add(property);

    /// <summary>The first property with the name (later duplicates are reported and ignored).</summary>
    public JsonProperty? GetProperty(string name)
    {
        foreach (var property in properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    public JsonNode? Get(string name) => GetProperty(name)?.Value;

    public string? GetString(string name) => (Get(name) as JsonString)?.Value;

    public bool? GetBoolean(string name) => Get(name)?.Kind switch
    {
        JsonNodeKind.True => true,
        JsonNodeKind.False => false,
        _ => null,
    };

    public long? GetInteger(string name) => Get(name) is JsonNumber number && number.TryGetInt64(out long value) ? value : null;

    public JsonArray? GetArray(string name) => Get(name) as JsonArray;

    public JsonObject? GetObject(string name) => Get(name) as JsonObject;

    /// <summary>Where to point when something is missing from this object: its property name, else its brace.</summary>
    public TextSpan AnchorSpan => OwnerProperty?.NameSpan ?? new TextSpan(Span.Start, Span.Start + 1);
}

public sealed class JsonArray : JsonNode
{
    private readonly List<JsonNode> items = new();

    internal JsonArray(TextSpan span)
        : base(JsonNodeKind.Array, span)
    {
    }

    public NodeList<JsonNode> Items => new(items);

    internal void Add(JsonNode item) => items.Add(item);
}

public sealed class JsonString : JsonNode
{
    internal JsonString(string value, TextSpan span)
        : base(JsonNodeKind.String, span)
    {
        Value = value;
    }

    public string Value { get; }

    /// <summary>
    /// For a string read out of text embedded in the file (service records): the file offset of each UTF-16
    /// character of <see cref="Value"/>, then its end. Null for a literal of the file itself, whose characters are
    /// found by walking its escapes.
    /// </summary>
    public int[]? CharOffsets { get; internal set; }
}

public sealed class JsonNumber : JsonNode
{
    internal JsonNumber(string raw, TextSpan span)
        : base(JsonNodeKind.Number, span)
    {
        Raw = raw;
    }

    /// <summary>The literal as written, kept so formatting and comparisons are exact.</summary>
    public string Raw { get; }

    public bool IsInteger => Raw.IndexOfAny(NotInteger) < 0;

    // One array for all calls: a collection expression here allocated a new one per number.
    private static readonly char[] NotInteger = ['.', 'e', 'E'];

    public bool TryGetInt64(out long value) => long.TryParse(Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public bool TryGetDouble(out double value) => double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

public sealed class JsonLiteral : JsonNode
{
    internal JsonLiteral(JsonNodeKind kind, TextSpan span)
        : base(kind, span)
    {
    }
}

/// <summary>
/// The members or items of a node, read-only. A struct whose enumerator is List's own, so the parser, the shape
/// validator and the binders walk millions of them without boxing an enumerator each time.
/// </summary>
public readonly struct NodeList<T> : IReadOnlyList<T>
{
    private static readonly List<T> Empty = [];
    private readonly List<T>? list;

    internal NodeList(List<T> list)
    {
        this.list = list;
    }

    // default(NodeList<T>), which `?? []` produces, is the empty list.
    private List<T> List => list ?? Empty;

    public int Count => List.Count;

    public T this[int index] => List[index];

    public List<T>.Enumerator GetEnumerator() => List.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => List.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => List.GetEnumerator();
}
