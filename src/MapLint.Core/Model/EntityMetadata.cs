using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Model;

/// <summary>An entityMetadata document: tables of one app, and the legal entities or business units that exist.</summary>
public sealed class EntityMetadataDocument : MapLintDocument
{
    internal EntityMetadataDocument(SourceFile file, JsonObject root)
        : base(file, root)
    {
        App = root.GetString("app") ?? string.Empty;
        LegalEntities = Names(root, "legalEntities");
        BusinessUnits = Names(root, "businessUnits");
        var entities = new List<EntityDefinition>();
        if (root.Get("entities") is JsonObject map)
        {
            foreach (var property in map.Properties)
            {
                if (property.Value is JsonObject entity)
                {
                    entities.Add(new EntityDefinition(this, property.Name, property.NameSpan, entity));
                }
            }
        }

        Entities = entities;

        // The entities are bound; their syntax (most of a metadata file) is not needed any more and is let go,
        // keeping only the top level that document-level suppressions and the catalog read.
        Root = Without(root, "entities");
    }

    /// <summary>
    /// The document a cached file's definitions belong to, read back without the file: its app, no text (nothing
    /// reports into a file known from the cache; one that shares an entity with another file is loaded whole).
    /// </summary>
    internal static EntityMetadataDocument StandIn(string fullPath, string displayPath, string app)
    {
        var root = new JsonObject(default);
        var value = new JsonString(app, default);
        root.Add(new JsonProperty("app", default, value));
        value.Parent = root;
        return new EntityMetadataDocument(new SourceFile(fullPath, displayPath, new SourceText([])), root);
    }

    public override DocumentKind Kind => DocumentKind.EntityMetadata;

    public string App { get; }

    public IReadOnlyList<NameReference> LegalEntities { get; }

    public IReadOnlyList<NameReference> BusinessUnits { get; }

    public IReadOnlyList<EntityDefinition> Entities { get; private set; }

    /// <summary>Entities bound straight from the reader (<see cref="EntityMetadataBinder"/>), the root having none.</summary>
    internal void SetEntities(IReadOnlyList<EntityDefinition> entities) => Entities = entities;

    private static IReadOnlyList<NameReference> Names(JsonObject root, string name) =>
        root.Get(name) is JsonArray array ? array.Items.OfType<JsonString>().Select(s => new NameReference(s.Value, s.Span)).ToList() : [];
}

public enum CompanyScope
{
    Global,
    Company,
}

public enum TableType
{
    Standard,
    Virtual,
    Elastic,
}

/// <summary>An entity (finance and operations) or table (Dataverse) as the rules need to know it.</summary>
public sealed class EntityDefinition
{
    private readonly FieldTable fields;

    internal EntityDefinition(EntityMetadataDocument document, string name, TextSpan nameSpan, JsonObject syntax)
        : this(document, name, nameSpan, new EntityValues
        {
            CompanyScope = syntax.GetString("companyScope"),
            CrossCompanyDataSharing = syntax.GetBoolean("crossCompanyDataSharing"),
            TableType = syntax.GetString("tableType"),
            HasVersionNumber = syntax.GetBoolean("hasVersionNumber"),
            CompanyField = syntax.GetString("companyField"),
            EntitySetName = syntax.GetString("entitySetName"),
            Keys = syntax.Get("keys") is JsonArray keys
                ? keys.Items.OfType<JsonArray>().Select(k => (IReadOnlyList<string>)k.Items.OfType<JsonString>().Select(s => s.Value).ToList()).ToList()
                : null,
            Fields = syntax.Get("fields") is JsonObject map ? FieldsOf(map) : null,
        })
    {
    }

    /// <summary>From values as written, whether read from the syntax tree or straight from the reader.</summary>
    internal EntityDefinition(EntityMetadataDocument document, string name, TextSpan nameSpan, EntityValues values)
    {
        Document = document;
        Name = name;
        NameSpan = nameSpan;
        DefinitionSpan = nameSpan;
        CompanyScope = values.CompanyScope == "company" ? CompanyScope.Company : CompanyScope.Global;
        CrossCompanyDataSharing = values.CrossCompanyDataSharing ?? false;
        TableType = values.TableType switch
        {
            "virtual" => TableType.Virtual,
            "elastic" => TableType.Elastic,
            _ => TableType.Standard,
        };
        HasVersionNumber = values.HasVersionNumber ?? TableType == TableType.Standard;
        CompanyField = values.CompanyField
            ?? (CompanyScope == CompanyScope.Company ? (Apps.IsDataverse(document.App) ? "msdyn_company" : "dataAreaId") : null);
        Keys = values.Keys ?? [];
        EntitySetName = values.EntitySetName;

        fields = values.Fields?.Build() ?? FieldTable.Empty;
    }

    private static FieldTable.Builder FieldsOf(JsonObject map)
    {
        var builder = new FieldTable.Builder();
        foreach (var property in map.Properties)
        {
            if (property.Value is JsonObject field)
            {
                builder.Add(property.Name, FieldDefinition.ValuesOf(field));
            }
        }

        return builder;
    }

    /// <summary>
    /// One table described by two documents (a table's export and the option-set response of one of its columns):
    /// the table's properties from the fuller one, the fields of both, and a field's values from whichever has them.
    /// </summary>
    internal static EntityDefinition Join(EntityDefinition first, EntityDefinition second)
    {
        var (basis, other) = second.fields.Count > first.fields.Count || (first.Keys.Count == 0 && second.Keys.Count > 0) ? (second, first) : (first, second);
        var builder = FieldTable.Builder.From(basis.fields);
        for (int row = 0; row < other.fields.Count; row++)
        {
            builder.Join(other.fields, row);
        }

        return new EntityDefinition(basis, builder.Build());
    }

    private EntityDefinition(EntityDefinition basis, FieldTable joined)
    {
        Document = basis.Document;
        Name = basis.Name;
        NameSpan = basis.NameSpan;
        DefinitionSpan = basis.DefinitionSpan;
        ColumnsOnly = basis.ColumnsOnly;
        CompanyScope = basis.CompanyScope;
        CrossCompanyDataSharing = basis.CrossCompanyDataSharing;
        TableType = basis.TableType;
        HasVersionNumber = basis.HasVersionNumber;
        CompanyField = basis.CompanyField;
        Keys = basis.Keys;
        EntitySetName = basis.EntitySetName;
        fields = joined;
    }

    public EntityMetadataDocument Document { get; }

    public string App => Document.App;

    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>
    /// Where the file the user has defines the entity: its name in an entityMetadata document, the entity set in
    /// $metadata or the LogicalName in a Dataverse export (whose entities are bound from a converted copy).
    /// </summary>
    public TextSpan DefinitionSpan { get; private set; }

    /// <summary>True for a column-level export (one column's option set): it says nothing of the table itself.</summary>
    public bool ColumnsOnly { get; private set; }

    /// <summary>Where an export's entity came from (see <see cref="DefinitionSpan"/>).</summary>
    internal void DefinedAt(TextSpan span, bool columnsOnly)
    {
        DefinitionSpan = span;
        ColumnsOnly = columnsOnly;
    }

    /// <summary>
    /// A canonical text of everything the definition says (fields in name order), so that several definitions of
    /// one entity are joined in an order that depends on what they say, never on their files' paths.
    /// </summary>
    internal string Fingerprint()
    {
        var text = new System.Text.StringBuilder();
        text.Append(CompanyScope).Append('|').Append(CrossCompanyDataSharing).Append('|').Append(TableType).Append('|').Append(HasVersionNumber)
            .Append('|').Append(CompanyField).Append('|').Append(string.Join(";", Keys.Select(k => string.Join(",", k))));
        foreach (var field in fields.Rows.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append(field.Describe());
        }

        return text.ToString();
    }

    public CompanyScope CompanyScope { get; }

    public bool CrossCompanyDataSharing { get; }

    public TableType TableType { get; }

    public bool HasVersionNumber { get; }

    /// <summary>The field that holds the company on a company-specific table (dataAreaId, msdyn_company).</summary>
    public string? CompanyField { get; }

    /// <summary>
    /// A Dataverse table's entity set name, the plural the Web API and the service's map records use
    /// (<c>accounts</c> for <c>account</c>); null when the metadata does not say.
    /// </summary>
    public string? EntitySetName { get; }

    /// <summary>Integration (alternate) keys, each a list of field names; the first is the one dual-write uses.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Keys { get; }

    public IReadOnlyCollection<FieldDefinition> Fields => fields.Rows;

    public IEnumerable<string> FieldNames => fields.KeyNames;

    public FieldDefinition? FindField(string name) => fields.Find(name);

    public bool IsCompanyField(string name) => CompanyField is not null && string.Equals(CompanyField, name, StringComparison.OrdinalIgnoreCase);
}

public enum FieldType
{
    String,
    Integer,
    Int64,
    Decimal,
    Real,
    Money,
    Boolean,
    Date,
    DateTime,
    Guid,
    Enum,
    OptionSet,
    Lookup,
}

/// <summary>
/// One field of an entity: a view of its row in the entity's <see cref="FieldTable"/>, made when asked for (two
/// views of one row are equal).
/// </summary>
public sealed class FieldDefinition : IEquatable<FieldDefinition>
{
    public static readonly IReadOnlyList<string> TypeNames =
        ["string", "integer", "int64", "decimal", "real", "money", "boolean", "date", "dateTime", "guid", "enum", "optionSet", "lookup"];

    private static readonly Dictionary<string, FieldType> TypesByName =
        TypeNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => (FieldType)p.index, StringComparer.Ordinal);

    private readonly FieldTable table;
    private readonly int row;

    internal FieldDefinition(FieldTable table, int row)
    {
        this.table = table;
        this.row = row;
    }

    /// <summary>A field's type from its name as written (a string when missing or unknown).</summary>
    internal static FieldType TypeOf(string? name) => TypesByName.GetValueOrDefault(name ?? "string", FieldType.String);

    /// <summary>A field's values as written in the syntax tree.</summary>
    internal static FieldValues ValuesOf(JsonObject syntax) => new()
    {
        Type = syntax.GetString("type"),
        MaxLength = syntax.GetInteger("maxLength"),
        Precision = syntax.GetInteger("precision"),
        Required = syntax.GetBoolean("required"),
        ReadOnly = syntax.GetBoolean("readOnly"),
        Virtual = syntax.GetBoolean("virtual"),
        Target = syntax.GetString("target"),
        Targets = syntax.Get("targets") is JsonArray targets ? targets.Items.OfType<JsonString>().Select(t => t.Value).ToList() : null,
        Values = syntax.Get("values") is JsonArray values ? values.Items.Select(Transform.ScalarText).OfType<string>().ToList() : null,
    };

    public string Name => table.Name(row);

    public FieldType Type => table.Type(row);

    public string TypeName => TypeNames[(int)Type];

    public long? MaxLength => table.MaxLength(row) is var value && value == FieldTable.None ? null : value;

    /// <summary>Number of decimal places for decimal, real and money fields.</summary>
    public long? Precision => table.Precision(row) is var value && value == FieldTable.None ? null : value;

    public bool Required => table.Required(row);

    public bool ReadOnly => table.ReadOnly(row);

    public bool Virtual => table.Virtual(row);

    /// <summary>For a lookup: the table it points to (the first, for a lookup to several).</summary>
    public string? Target => table.Extra(row)?.Target;

    /// <summary>For a lookup: every table it can point to (owner: systemuser and team; customer: account and contact).</summary>
    public IReadOnlyList<string> Targets => table.Extra(row)?.Targets ?? Array.Empty<string>();

    /// <summary>For an enum or option set: the values it can hold.</summary>
    public IReadOnlyList<string>? Values => table.Extra(row)?.Values;

    public bool IsChoice => Type is FieldType.Enum or FieldType.OptionSet;

    /// <summary>What the definition says of the field, in one canonical line (culture-invariant).</summary>
    internal string Describe() => string.Join(
        "|",
        Name,
        TypeName,
        Required ? "required" : "optional",
        ReadOnly ? "readOnly" : "writable",
        Virtual ? "virtual" : "stored",
        MaxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        Precision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
        string.Join(",", Targets),
        Values is null ? "-" : string.Join(",", Values));

    public bool Equals(FieldDefinition? other) => other is not null && ReferenceEquals(table, other.table) && row == other.row;

    public override bool Equals(object? obj) => Equals(obj as FieldDefinition);

    public override int GetHashCode() => (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(table) * 397) ^ row;
}
