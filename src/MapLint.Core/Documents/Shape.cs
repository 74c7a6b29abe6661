using MapLint.Syntax;

namespace MapLint.Documents;

/// <summary>
/// The structure of a document kind, written once in C#: the binder validates against it at run time and
/// <see cref="SchemaWriter"/> turns it into the draft-07 files in schemas/, so the two cannot drift apart.
/// </summary>
public abstract class Shape
{
    public string? Description { get; init; }

    /// <summary>"an array", "a string", ... for messages.</summary>
    public abstract string ExpectedDescription { get; }
}

public sealed class ObjectShape : Shape
{
    private readonly PropertyShape[] properties;

    public ObjectShape(string displayName, params PropertyShape[] properties)
    {
        DisplayName = displayName;
        this.properties = properties;
        RequiredProperties = properties.Where(p => p.Required).ToArray();
    }

    /// <summary>The required members, as an array the validator walks without an enumerator.</summary>
    internal PropertyShape[] RequiredProperties { get; }

    /// <summary>What the object is, for messages: "a field mapping".</summary>
    public string DisplayName { get; }

    public IReadOnlyList<PropertyShape> Properties => properties;

    /// <summary>When set, the object is a dictionary keyed by name whose values have this shape.</summary>
    public Shape? AdditionalProperties { get; init; }

    public override string ExpectedDescription => "an object";

    public PropertyShape? Find(string name)
    {
        // Over the array itself: through the interface, every lookup boxed an enumerator (33 MB per 1,000 maps).
        foreach (var property in properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

public sealed record PropertyShape(string Name, Shape Shape, bool Required = false, string? Description = null);

public sealed class ArrayShape : Shape
{
    public ArrayShape(Shape items)
    {
        Items = items;
    }

    public Shape Items { get; }

    public int MinItems { get; init; }

    public override string ExpectedDescription => "an array";
}

public sealed class StringShape : Shape
{
    public IReadOnlyList<string>? Enum { get; init; }

    public int MinLength { get; init; }

    public override string ExpectedDescription => "a string";
}

public sealed class IntegerShape : Shape
{
    public long? Minimum { get; init; }

    public override string ExpectedDescription => "an integer";
}

public sealed class BooleanShape : Shape
{
    public override string ExpectedDescription => "a boolean";
}

/// <summary>A string, number or boolean: default values and value-map entries.</summary>
public sealed class ScalarShape : Shape
{
    public override string ExpectedDescription => "a string, number or boolean";

    public static bool Accepts(JsonNode node) => node.Kind is JsonNodeKind.String or JsonNodeKind.Number or JsonNodeKind.True or JsonNodeKind.False;
}
