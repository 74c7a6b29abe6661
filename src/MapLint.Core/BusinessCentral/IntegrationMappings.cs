using MapLint.Text;

namespace MapLint.BusinessCentral;

/// <summary>The three synchronization directions of tables 5335/5336 (their Direction option, in order).</summary>
public enum SyncDirection
{
    Bidirectional = 0,
    ToIntegrationTable = 1,
    FromIntegrationTable = 2,
}

/// <summary>A place in an AL file: the file and a byte span in it.</summary>
public readonly record struct AlLocation(AlFile File, TextSpan Span);

/// <summary>A value written in AL code and known where it is used: a text, a number, a table, a field, a direction.</summary>
public readonly record struct Located<T>(T Value, AlLocation Location);

/// <summary>
/// <c>Record.FieldNo(Field)</c>: the field of a record variable's table, named where it is written (the span of
/// the field name) and the whole expression (for findings about the mapping of that field).
/// </summary>
public sealed record FieldNoReference(string Table, AlName Field, AlLocation Location)
{
    public AlLocation FieldLocation => new(Location.File, Field.Span);
}

/// <summary>
/// One record of table 5335 "Integration Table Mapping" as the AL code creates it (a wrapper call or
/// CreateRecord), with what later statements set on it (Direction, Dependency Filter).
/// </summary>
public sealed class IntegrationTableMapping
{
    public required Located<string> Name { get; init; }

    public required Located<string> Table { get; init; }

    public required Located<string> IntegrationTable { get; init; }

    public FieldNoReference? UidField { get; init; }

    public FieldNoReference? ModifiedOnField { get; init; }

    /// <summary>Null when the code computes it (CDS Setup Defaults' GetDefaultDirection): rules that need it then stay silent.</summary>
    public Located<SyncDirection>? Direction { get; set; }

    /// <summary>The call that creates it.</summary>
    public required AlLocation Site { get; init; }

    /// <summary>True for the base application's own mappings (CUSTOMER, CURRENCY…), known by name, not read from code.</summary>
    public bool IsBaseApplication { get; init; }

    public List<Located<string>> DependencyFilters { get; } = [];

    public List<IntegrationFieldMapping> FieldMappings { get; } = [];

    /// <summary>The mapping names of every Dependency Filter assigned to it, upper-cased as Code[20] stores them.</summary>
    public IEnumerable<(string Name, Located<string> Filter)> Dependencies =>
        DependencyFilters.SelectMany(f => f.Value.Split('|').Select(n => n.Trim()).Where(n => n.Length > 0).Select(n => (n.ToUpperInvariant(), f)));

    public string Key => Name.Value.ToUpperInvariant();

    public override string ToString() => Name.Value;
}

/// <summary>One record of table 5336 "Integration Field Mapping".</summary>
public sealed class IntegrationFieldMapping
{
    public required Located<string> MappingName { get; init; }

    /// <summary>The Business Central field; null for 0 (a constant written into the integration field).</summary>
    public FieldNoReference? Field { get; init; }

    /// <summary>The proxy (integration table) field; null for 0 (a constant written into the BC field).</summary>
    public FieldNoReference? IntegrationField { get; init; }

    public Located<SyncDirection>? Direction { get; set; }

    public Located<string>? ConstantValue { get; init; }

    public bool Enabled { get; init; } = true;

    public AlLocation? NotNull { get; set; }

    public AlLocation? ClearValueOnFailedSync { get; set; }

    public required AlLocation Site { get; init; }
}

/// <summary>A mapping the code builds from values MapLint cannot know without running it (RecordRef, loops, parameters from elsewhere).</summary>
public sealed record DynamicMapping(AlLocation Site, string What, string Reason);
