using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>Which field types can carry a value into which, and why not.</summary>
internal static class TypeCompatibility
{
    private enum TypeClass
    {
        Text,
        Whole,
        Fraction,
        Boolean,
        Temporal,
        Guid,
        Choice,
        Lookup,
    }

    /// <summary>Null when the value flows safely, else the reason it does not.</summary>
    public static string? Check(FieldDefinition from, FieldDefinition to, bool hasValueMap)
    {
        var a = ClassOf(from.Type);
        var b = ClassOf(to.Type);
        if (a == TypeClass.Lookup || b == TypeClass.Lookup || hasValueMap)
        {
            return null;
        }

        if (a == b)
        {
            return a switch
            {
                TypeClass.Text when from.MaxLength is { } n && to.MaxLength is { } m && n > m =>
                    $"text of up to {n} characters does not fit in {m}",
                TypeClass.Fraction when from.Precision is { } p && to.Precision is { } q && p > q =>
                    $"{p} decimal places are rounded to {q}",
                TypeClass.Whole when from.Type == FieldType.Int64 && to.Type == FieldType.Integer =>
                    "a 64-bit integer may not fit in a 32-bit one",
                TypeClass.Choice when from.Type != to.Type =>
                    $"{from.TypeName} values do not convert to {to.TypeName} values without a value map",
                _ => null,
            };
        }

        if (a == TypeClass.Whole && b == TypeClass.Fraction)
        {
            return null;
        }

        // A two-valued choice is a yes/no (finance and operations' NoYes against a Dataverse Boolean, as the
        // templates map them with '='); a choice of more values has no Boolean for some of them.
        if ((a == TypeClass.Choice && b == TypeClass.Boolean) || (a == TypeClass.Boolean && b == TypeClass.Choice))
        {
            var choice = a == TypeClass.Choice ? from : to;
            return choice.Values is not { Count: > 2 } values
                ? null
                : $"{choice.TypeName} '{choice.Name}' has {values.Count} values and a Boolean two; add a value map";
        }

        return $"a {from.TypeName} value cannot be written into a {to.TypeName} field";
    }

    private static TypeClass ClassOf(FieldType type) => type switch
    {
        FieldType.String => TypeClass.Text,
        FieldType.Integer or FieldType.Int64 => TypeClass.Whole,
        FieldType.Decimal or FieldType.Real or FieldType.Money => TypeClass.Fraction,
        FieldType.Boolean => TypeClass.Boolean,
        FieldType.Date or FieldType.DateTime => TypeClass.Temporal,
        FieldType.Guid => TypeClass.Guid,
        FieldType.Enum or FieldType.OptionSet => TypeClass.Choice,
        _ => TypeClass.Lookup,
    };
}
