using MapLint.Text;

namespace MapLint.BusinessCentral;

/// <summary>A name written in an AL file (an object, a field, a table), with where.</summary>
public readonly record struct AlName(string Text, TextSpan Span)
{
    public override string ToString() => Text;
}

/// <summary>An AL data type as declared: <c>Code[20]</c> is kind Code, length 20; <c>Enum "X"</c> keeps the enum's name.</summary>
public sealed record AlType(string Kind, int? Length, string? Subtype, TextSpan Span)
{
    public bool IsText => Kind is "Code" or "Text";

    public bool IsGuid => Kind == "Guid";

    public bool IsOption => Kind is "Option" or "Enum";

    public override string ToString() => Length is { } length ? $"{Kind}[{length}]" : Subtype is { } subtype ? $"{Kind} \"{subtype}\"" : Kind;
}

/// <summary>A field of a table or table extension: <c>field(1; Name; Text[100]) { ExternalName = 'name'; … }</c>.</summary>
public sealed class AlField
{
    public required int Id { get; init; }

    public required AlName Name { get; init; }

    public required AlType Type { get; init; }

    /// <summary>The tables a <c>TableRelation</c> names (several for a conditional relation).</summary>
    public IReadOnlyList<AlName> RelatedTables { get; init; } = [];

    public AlName? ExternalName { get; init; }

    public AlName? ExternalType { get; init; }

    public AlName? ExternalAccess { get; init; }

    /// <summary>True for FlowFields and FlowFilters, which hold no stored value.</summary>
    public bool IsFlow { get; init; }
}

/// <summary>A variable or parameter: its name and declared type (<c>Record "Integration Table Mapping"</c>, <c>Label 'CUSTOMER'</c>).</summary>
public sealed class AlVariable
{
    public required AlName Name { get; init; }

    /// <summary>The type word, as written (Record, Codeunit, Label, Code, RecordRef…).</summary>
    public required string TypeName { get; init; }

    /// <summary>The object a Record, Codeunit or Enum names; a Label's text.</summary>
    public AlName? Subtype { get; init; }

    public bool IsVar { get; init; }

    public bool IsRecord => string.Equals(TypeName, "Record", StringComparison.OrdinalIgnoreCase);

    public bool IsLabel => string.Equals(TypeName, "Label", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A procedure or trigger: parameters, local variables and the tokens of its body (<c>begin</c> to <c>end</c>).</summary>
public sealed class AlProcedure
{
    public required AlName Name { get; init; }

    public required IReadOnlyList<AlVariable> Parameters { get; init; }

    public required IReadOnlyList<AlVariable> Locals { get; init; }

    /// <summary>Index of the body's first token (after <c>begin</c>) and of its closing <c>end</c> in <see cref="AlFile.Tokens"/>.</summary>
    public required int BodyStart { get; init; }

    public required int BodyEnd { get; init; }

    public bool IsTrigger { get; init; }

    /// <summary>Declared <c>local</c>: only the object itself (or an event, for a subscriber) can call it.</summary>
    public bool IsLocal { get; init; }

    /// <summary>The event it subscribes to (<c>OnAfterResetConfiguration</c>), from its EventSubscriber attribute.</summary>
    public string? SubscribesTo { get; init; }
}

public enum AlObjectKind
{
    Table,
    TableExtension,
    Codeunit,
    Other,
}

/// <summary>One AL object of a file, with what MapLint reads of it.</summary>
public sealed class AlObject
{
    public required AlObjectKind Kind { get; init; }

    /// <summary>The object keyword as written (table, codeunit, page…).</summary>
    public required string Keyword { get; init; }

    public required AlName Name { get; init; }

    public int? Id { get; init; }

    /// <summary>The table a table extension extends.</summary>
    public AlName? Extends { get; init; }

    /// <summary><c>TableType</c>: CDS or CRM for a proxy table of a Dataverse table; null for a normal table.</summary>
    public AlName? TableType { get; init; }

    public AlName? ExternalName { get; init; }

    public List<AlField> Fields { get; } = [];

    public List<AlProcedure> Procedures { get; } = [];

    public List<AlVariable> Globals { get; } = [];

    public bool IsProxy => TableType is { } type && (type.Text.Equals("CDS", StringComparison.OrdinalIgnoreCase) || type.Text.Equals("CRM", StringComparison.OrdinalIgnoreCase));
}

/// <summary>An AL file read: its text, tokens and objects.</summary>
public sealed class AlFile
{
    public AlFile(string path, SourceText text, AlTokenList tokens, List<AlObject> objects)
    {
        Path = path;
        Text = text;
        Tokens = tokens;
        Objects = objects;
    }

    /// <summary>The path shown in findings.</summary>
    public string Path { get; }

    public SourceText Text { get; }

    public AlTokenList Tokens { get; }

    public IReadOnlyList<AlObject> Objects { get; }
}

/// <summary>
/// A file's tokens, ending with the End token, where any index before the start or past the end reads as End.
/// The readers look around a token (<c>tokens[i - 1]</c>, <c>tokens[i + 3]</c>) and step past closing tokens a
/// broken file does not have; reading End there ends their loops, where indexing the list threw (fuzzing found a
/// truncated table that did).
/// </summary>
public sealed class AlTokenList : IReadOnlyList<AlToken>
{
    private readonly List<AlToken> tokens;

    public AlTokenList(List<AlToken> tokens)
    {
        if (tokens.Count == 0 || tokens[^1].Kind != AlTokenKind.End)
        {
            throw new ArgumentException("A token list ends with the End token.", nameof(tokens));
        }

        this.tokens = tokens;
    }

    public int Count => tokens.Count;

    public AlToken this[int index] => tokens[(uint)index < (uint)tokens.Count ? index : tokens.Count - 1];

    public IEnumerator<AlToken> GetEnumerator() => tokens.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
