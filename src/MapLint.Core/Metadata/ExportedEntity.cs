using MapLint.Model;
using MapLint.Text;

namespace MapLint.Metadata;

/// <summary>An entity read from an app's own metadata export, before it is written as an entityMetadata document.</summary>
public sealed class ExportedEntity
{
    public ExportedEntity(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Where the export defines it, in the export's own text (its name); what findings about the definition point at.</summary>
    public TextSpan Span { get; init; }

    /// <summary>True when the export holds columns of the table only (an option set's response), not the table.</summary>
    public bool ColumnsOnly { get; init; }

    public CompanyScope CompanyScope { get; set; }

    public string? CompanyField { get; set; }

    /// <summary>Dataverse: the table's entity set name as its metadata states it (EntitySetName).</summary>
    public string? EntitySetName { get; set; }

    public bool CrossCompanyDataSharing { get; set; }

    public TableType TableType { get; set; }

    public List<List<string>> Keys { get; } = new();

    public SortedDictionary<string, ExportedField> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// One table from two exports (its EntityDefinitions export and the option-set response of one of its columns):
    /// the fuller one, with the other's fields added and a field's values taken from whichever lists them.
    /// </summary>
    public static ExportedEntity Join(ExportedEntity first, ExportedEntity second)
    {
        var (basis, other) = second.Fields.Count > first.Fields.Count || (first.Keys.Count == 0 && second.Keys.Count > 0) ? (second, first) : (first, second);
        basis.EntitySetName ??= other.EntitySetName;
        foreach (var (name, field) in other.Fields)
        {
            if (!basis.Fields.TryGetValue(name, out var known))
            {
                basis.Fields[name] = field;
            }
            else if (known.Values is null && field.Values is not null)
            {
                basis.Fields[name] = known with { Values = field.Values, NumericValues = field.NumericValues };
            }
        }

        return basis;
    }
}

public sealed record ExportedField(string Name, FieldType Type)
{
    public long? MaxLength { get; init; }

    public long? Precision { get; init; }

    public bool Required { get; init; }

    public bool ReadOnly { get; init; }

    public string? Target { get; init; }

    /// <summary>Every target of a lookup to several tables; null for one.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>Enum member names (finance and operations) or option values (Dataverse), as text.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>True when <see cref="Values"/> are numbers (Dataverse option values) and are written as JSON numbers.</summary>
    public bool NumericValues { get; init; }
}

/// <summary>What an export holds for one app.</summary>
public sealed record MetadataExport(string App, IReadOnlyList<ExportedEntity> Entities);
