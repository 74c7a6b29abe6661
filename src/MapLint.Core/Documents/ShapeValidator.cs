using System.Collections.Immutable;
using MapLint.Diagnostics;
using MapLint.Syntax;

namespace MapLint.Documents;

/// <summary>
/// Checks a parsed document against its <see cref="Shape"/>: unknown properties (with the closest name),
/// wrong types, values outside an enum and missing required members, each at the offending node.
/// </summary>
public static class ShapeValidator
{
    public static void Validate(JsonNode node, Shape shape, string name, DiagnosticBag bag) =>
        Validate(node, shape, new ShapeName(name, 0), bag);

    /// <summary>The name messages give a value: a property name, with " item" once per array level below it; built only for a message.</summary>
    private readonly record struct ShapeName(string Name, int ItemDepth)
    {
        public override string ToString() => ItemDepth == 0 ? Name : Name + string.Concat(Enumerable.Repeat(" item", ItemDepth));
    }

    private static void Validate(JsonNode node, Shape shape, ShapeName name, DiagnosticBag bag)
    {
        switch (shape)
        {
            case ObjectShape objectShape:
                if (node is not JsonObject obj)
                {
                    WrongType(node, shape, name, bag);
                    return;
                }

                ValidateObject(obj, objectShape, bag);
                return;

            case ArrayShape arrayShape:
                if (node is not JsonArray array)
                {
                    WrongType(node, shape, name, bag);
                    return;
                }

                if (array.Items.Count < arrayShape.MinItems)
                {
                    bag.Add(DocumentRules.SchemaViolation, array.Span, array.Path, $"'{name}' must have at least {arrayShape.MinItems} item(s).");
                }

                foreach (var item in array.Items)
                {
                    Validate(item, arrayShape.Items, name with { ItemDepth = name.ItemDepth + 1 }, bag);
                }

                return;

            case StringShape stringShape:
                if (node is not JsonString text)
                {
                    WrongType(node, shape, name, bag);
                    return;
                }

                if (stringShape.Enum is { } allowed && !allowed.Contains(text.Value))
                {
                    string? suggestion = NameSuggester.Suggest(text.Value, allowed);
                    bag.Add(
                        DocumentRules.SchemaViolation,
                        text.Span,
                        text.Path,
                        Suggestion(suggestion),
                        $"'{name}' must be one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))}, not '{text.Value}'.{NameSuggester.Hint(suggestion)}");
                }
                else if (text.Value.Length < stringShape.MinLength)
                {
                    bag.Add(DocumentRules.SchemaViolation, text.Span, text.Path, $"'{name}' must not be empty.");
                }

                return;

            case IntegerShape integerShape:
                if (node is not JsonNumber number || !number.IsInteger || !number.TryGetInt64(out long value))
                {
                    WrongType(node, shape, name, bag);
                    return;
                }

                if (integerShape.Minimum is { } minimum && value < minimum)
                {
                    bag.Add(DocumentRules.SchemaViolation, number.Span, number.Path, $"'{name}' must be at least {minimum}, not {number.Raw}.");
                }

                return;

            case BooleanShape:
                if (node.Kind is not (JsonNodeKind.True or JsonNodeKind.False))
                {
                    WrongType(node, shape, name, bag);
                }

                return;

            case ScalarShape:
                if (!ScalarShape.Accepts(node))
                {
                    WrongType(node, shape, name, bag);
                }

                return;
        }
    }

    private static void ValidateObject(JsonObject obj, ObjectShape shape, DiagnosticBag bag)
    {
        foreach (var property in obj.Properties)
        {
            var propertyShape = shape.Find(property.Name);
            if (propertyShape is not null)
            {
                Validate(property.Value, propertyShape.Shape, new ShapeName(property.Name, 0), bag);
            }
            else if (shape.AdditionalProperties is { } entryShape)
            {
                Validate(property.Value, entryShape, new ShapeName(property.Name, 0), bag);
            }
            else
            {
                string? suggestion = NameSuggester.Suggest(property.Name, shape.Properties.Select(p => p.Name));
                bag.Add(
                    DocumentRules.SchemaViolation,
                    property.NameSpan,
                    property.Value.Path,
                    Suggestion(suggestion),
                    $"Property '{property.Name}' is not allowed in {shape.DisplayName}.{NameSuggester.Hint(suggestion)}");
            }
        }

        foreach (var propertyShape in shape.RequiredProperties)
        {
            if (obj.GetProperty(propertyShape.Name) is null)
            {
                bag.Add(
                    DocumentRules.SchemaViolation,
                    obj.AnchorSpan,
                    obj.Path,
                    ImmutableDictionary<string, string>.Empty.Add("missingProperty", propertyShape.Name),
                    $"{Capitalize(shape.DisplayName)} must have a '{propertyShape.Name}' property.");
            }
        }
    }

    private static void WrongType(JsonNode node, Shape shape, ShapeName name, DiagnosticBag bag) =>
        bag.Add(DocumentRules.SchemaViolation, node.Span, node.Path, $"'{name}' must be {shape.ExpectedDescription}, not {node.TypeName}.");

    private static ImmutableDictionary<string, string>? Suggestion(string? suggestion) =>
        suggestion is null ? null : ImmutableDictionary<string, string>.Empty.Add("suggestion", suggestion);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
