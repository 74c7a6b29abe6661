using System.Globalization;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Model;

/// <summary>The six dual-write map types.</summary>
public enum MapDirection
{
    /// <summary><c>=</c>: both ways.</summary>
    Bidirectional,

    /// <summary><c>&gt;&lt;</c>: both ways through a transform.</summary>
    BidirectionalWithTransform,

    /// <summary><c>&gt;</c>: source to destination.</summary>
    ToDestination,

    /// <summary><c>&lt;</c>: destination to source.</summary>
    ToSource,

    /// <summary><c>&gt;&gt;</c>: source to destination through a transform.</summary>
    ToDestinationWithTransform,

    /// <summary><c>&lt;&lt;</c>: destination to source through a transform.</summary>
    ToSourceWithTransform,
}

public static class MapDirections
{
    public static readonly IReadOnlyList<string> Symbols = ["=", "><", ">", "<", ">>", "<<"];

    public static MapDirection? Parse(string? symbol) => symbol switch
    {
        "=" => MapDirection.Bidirectional,
        "><" => MapDirection.BidirectionalWithTransform,
        ">" => MapDirection.ToDestination,
        "<" => MapDirection.ToSource,
        ">>" => MapDirection.ToDestinationWithTransform,
        "<<" => MapDirection.ToSourceWithTransform,
        _ => null,
    };

    public static string Symbol(this MapDirection direction) => Symbols[(int)direction];

    public static bool IsBidirectional(this MapDirection direction) =>
        direction is MapDirection.Bidirectional or MapDirection.BidirectionalWithTransform;

    public static bool FlowsToDestination(this MapDirection direction) =>
        direction is MapDirection.Bidirectional or MapDirection.BidirectionalWithTransform or MapDirection.ToDestination or MapDirection.ToDestinationWithTransform;

    public static bool FlowsToSource(this MapDirection direction) =>
        direction is MapDirection.Bidirectional or MapDirection.BidirectionalWithTransform or MapDirection.ToSource or MapDirection.ToSourceWithTransform;

    public static bool FlowsInto(this MapDirection direction, MapSideRole role) =>
        role == MapSideRole.Destination ? direction.FlowsToDestination() : direction.FlowsToSource();
}

/// <summary>
/// One line of a table map: a source field, a map type, a destination field and an optional transform. It keeps
/// no syntax: spans and names are copied out when it is bound and its JSON path follows from its place in the
/// map, so a map's syntax tree (most of what a large repository would hold in memory) is let go after binding.
/// </summary>
public sealed class FieldMapping : ISyntaxAnchor
{
    internal FieldMapping(TableMap map, int index, int arrayIndex, JsonObject syntax)
    {
        Map = map;
        Index = index;
        ArrayIndex = arrayIndex;
        Span = syntax.Span;
        var direction = syntax.Get("direction") as JsonString;
        Direction = MapDirections.Parse(direction?.Value) ?? MapDirection.Bidirectional;
        DirectionSpan = direction?.Span ?? syntax.AnchorSpan;
        if (syntax.Get("source") is JsonString source)
        {
            Source = new FieldReference(this, map.Source, source);
        }

        if (syntax.Get("destination") is JsonString destination)
        {
            Destination = new FieldReference(this, map.Destination, destination);
        }

        if (syntax.Get("transform") is JsonObject transform)
        {
            Transform = new Transform(this, transform);
        }

        Suppressions = Suppression.Read(syntax, syntax.Span);
    }

    /// <summary>From values read straight from the reader (<see cref="TableMapBinder"/>).</summary>
    internal FieldMapping(TableMap map, int index, int arrayIndex, in MappingValues values)
    {
        Map = map;
        Index = index;
        ArrayIndex = arrayIndex;
        Span = values.Span;
        Direction = values.Direction!.Value.Value;
        DirectionSpan = values.Direction.Value.Span;
        if (values.Source is { } source)
        {
            Source = new FieldReference(this, map.Source, source.Text, source.Span);
        }

        if (values.Destination is { } destination)
        {
            Destination = new FieldReference(this, map.Destination, destination.Text, destination.Span);
        }

        if (values.HasTransform)
        {
            Transform = new Transform(this, values.HasDefault, values.ValueMap, values.ValueMapAnchor);
        }

        var scope = values.Span;
        // (Written as a conditional, the empty side took the list's type: an empty list per mapping, 31 MB over 10,000 maps.)
        Suppressions = values.Suppressions is { Count: > 0 } suppressions
            ? suppressions.Select(s => new Suppression(s.Rule, s.Justification, s.RuleSpan, s.RulePath, scope)).ToList()
            : Array.Empty<Suppression>();
    }

    public TableMap Map { get; }

    /// <summary>Position among the map's mappings (0-based), as messages count them.</summary>
    public int Index { get; }

    /// <summary>Position in the <c>mappings</c> array, which may also hold items that are not mappings.</summary>
    public int ArrayIndex { get; }

    /// <summary>The mapping object, braces included.</summary>
    public TextSpan Span { get; }

    public string Path => "$.mappings[" + ArrayIndex.ToString(CultureInfo.InvariantCulture) + "]";

    public MapDirection Direction { get; }

    public TextSpan DirectionSpan { get; }

    public FieldReference? Source { get; }

    public FieldReference? Destination { get; }

    public Transform? Transform { get; }

    /// <summary>Suppressions written on this mapping; they cover its span.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; }

    public FieldReference? GetField(MapSideRole role) => role == MapSideRole.Source ? Source : Destination;

    /// <summary>Where to point for a finding about the whole mapping.</summary>
    public TextSpan Anchor => Destination?.Span ?? Source?.Span ?? DirectionSpan;

    /// <summary>A readable form for messages: <c>CUSTOMERACCOUNT = accountnumber</c>.</summary>
    public string Display => $"{Source?.Text ?? "(none)"} {Direction.Symbol()} {Destination?.Text ?? "(none)"}";
}

/// <summary>
/// A field as a mapping names it: a plain column, or a lookup written the service's way,
/// <c>lookupColumn.keyColumnOfTarget</c> (for example <c>msdyn_vendor.msdyn_vendoraccountnumber</c>).
/// </summary>
public sealed class FieldReference : ISyntaxAnchor
{
    internal FieldReference(FieldMapping mapping, MapSide side, JsonString syntax)
        : this(mapping, side, syntax.Value, syntax.Span)
    {
    }

    internal FieldReference(FieldMapping mapping, MapSide side, string text, TextSpan span)
    {
        Mapping = mapping;
        Side = side;
        Text = text;
        Span = span;
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        Column = dot < 0 ? text : text[..dot];
        KeyColumnOfTarget = dot < 0 ? null : text[(dot + 1)..];
    }

    public FieldMapping Mapping { get; }

    public MapSide Side { get; }

    public string Text { get; }

    public TextSpan Span { get; }

    public string Path => Mapping.Path + "." + Side.RoleName;

    /// <summary>The column on the side's own table (the lookup column for a lookup).</summary>
    public string Column { get; }

    /// <summary>For a lookup, the key column of the table the lookup points to.</summary>
    public string? KeyColumnOfTarget { get; }

    public bool IsLookup => KeyColumnOfTarget is not null;
}

/// <summary>A mapping's transform: a default value, a value map, or both.</summary>
public sealed class Transform
{
    internal Transform(FieldMapping mapping, JsonObject syntax)
    {
        Mapping = mapping;
        HasDefault = syntax.GetProperty("defaultValue") is not null;
        DefaultValue = syntax.Get("defaultValue");
        if (syntax.Get("valueMap") is JsonArray valueMap)
        {
            var entries = new List<ValueMapEntry>();
            for (int i = 0; i < valueMap.Items.Count; i++)
            {
                if (valueMap.Items[i] is JsonObject e && e.Get("source") is { } s && ScalarText(s) is { } source && e.Get("destination") is { } d && ScalarText(d) is { } destination)
                {
                    string path = ValueMapPath + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    entries.Add(new ValueMapEntry(source, destination, new SyntaxAnchor(s.Span, path + ".source"), new SyntaxAnchor(d.Span, path + ".destination")));
                }
            }

            ValueMap = entries;
            ValueMapAnchor = new SyntaxAnchor(valueMap.Span, ValueMapPath);
        }
    }

    internal Transform(FieldMapping mapping, bool hasDefault, List<ValueMapEntry>? valueMap, SyntaxAnchor? valueMapAnchor)
    {
        Mapping = mapping;
        HasDefault = hasDefault;
        ValueMap = valueMap;
        ValueMapAnchor = valueMapAnchor;
    }

    public FieldMapping Mapping { get; }

    public bool HasDefault { get; }

    /// <summary>The default value as written, when the mapping was bound from a syntax tree (service records); `maps import` writes it.</summary>
    public JsonNode? DefaultValue { get; }

    public IReadOnlyList<ValueMapEntry>? ValueMap { get; }

    /// <summary>The <c>valueMap</c> array, when there is one.</summary>
    public SyntaxAnchor? ValueMapAnchor { get; }

    private string ValueMapPath => Mapping.Path + ".transform.valueMap";

    /// <summary>A scalar's canonical text, so <c>"1"</c> in a map and <c>1</c> in metadata compare as written.</summary>
    public static string? ScalarText(JsonNode node) => node switch
    {
        JsonString s => s.Value,
        JsonNumber n => n.Raw,
        { Kind: JsonNodeKind.True } => "true",
        { Kind: JsonNodeKind.False } => "false",
        _ => null,
    };
}

/// <summary>One value map line: the value on each side and where each was written.</summary>
public sealed record ValueMapEntry(string Source, string Destination, SyntaxAnchor SourceAnchor, SyntaxAnchor DestinationAnchor);

/// <summary>A span with its JSON path, for the few parts of a map whose path does not follow from the model.</summary>
public sealed record SyntaxAnchor(TextSpan Span, string Path) : ISyntaxAnchor;
