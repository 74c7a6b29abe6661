using MapLint.Model;

namespace MapLint.Semantics;

/// <summary>
/// A field reference bound to metadata: the column on the side's table and, for a lookup, the table it points
/// to and the key column named after the dot. Members are null where metadata does not say.
/// </summary>
public sealed record ResolvedField(
    FieldReference Reference,
    EntityDefinition? Entity,
    FieldDefinition? Column,
    EntityDefinition? TargetEntity,
    FieldDefinition? TargetColumn)
{
    /// <summary>The field whose value actually flows: the target's key column for a lookup, else the column.</summary>
    public FieldDefinition? ValueField => Reference.IsLookup ? TargetColumn : Column;

    /// <summary>The model that bound it, so a reference can keep its binding for that model only.</summary>
    internal SemanticModel? Owner { get; init; }
}

/// <summary>The integration key of a map: fields of its key side's table, from the map or from metadata.</summary>
public sealed record IntegrationKeyInfo(MapSide Side, IReadOnlyList<string> Fields, bool FromMap, EntityDefinition? Entity);
