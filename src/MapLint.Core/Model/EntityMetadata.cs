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
    private readonly Dictionary<string, FieldDefinition> fields;

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
            Fields = syntax.Get("fields") is JsonObject map
                ? map.Properties.Where(p => p.Value is JsonObject).Select(p => new FieldDefinition(p.Name, (JsonObject)p.Value)).ToList()
                : null,
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

        // Sized up front: grown one field at a time, the dictionaries of 2,000 entities left 13 MB of garbage.
        var list = values.Fields ?? [];
        fields = new Dictionary<string, FieldDefinition>(list.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var field in list)
        {
            fields[field.Name] = field;
        }
    }

    /// <summary>
    /// One table described by two documents (a table's export and the option-set response of one of its columns):
    /// the table's properties from the fuller one, the fields of both, and a field's values from whichever has them.
    /// </summary>
    internal static EntityDefinition Join(EntityDefinition first, EntityDefinition second)
    {
        var (basis, other) = second.fields.Count > first.fields.Count || (first.Keys.Count == 0 && second.Keys.Count > 0) ? (second, first) : (first, second);
        var joined = new EntityDefinition(basis);
        foreach (var field in other.fields.Values)
        {
            if (!joined.fields.TryGetValue(field.Name, out var known))
            {
                joined.fields[field.Name] = field;
            }
            else if (known.Values is null && field.Values is not null)
            {
                joined.fields[field.Name] = known.WithValues(field.Values);
            }
        }

        return joined;
    }

    private EntityDefinition(EntityDefinition basis)
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
        fields = new Dictionary<string, FieldDefinition>(basis.fields, StringComparer.OrdinalIgnoreCase);
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
        foreach (var field in fields.Values.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Name, StringComparer.Ordinal))
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

    public IReadOnlyCollection<FieldDefinition> Fields => fields.Values;

    public IEnumerable<string> FieldNames => fields.Keys;

    public FieldDefinition? FindField(string name) => fields.GetValueOrDefault(name);

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

public sealed class FieldDefinition
{
    public static readonly IReadOnlyList<string> TypeNames =
        ["string", "integer", "int64", "decimal", "real", "money", "boolean", "date", "dateTime", "guid", "enum", "optionSet", "lookup"];

    private static readonly Dictionary<string, FieldType> TypesByName =
        TypeNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => (FieldType)p.index, StringComparer.Ordinal);

    internal FieldDefinition(string name, JsonObject syntax)
        : this(name, new FieldValues
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
        })
    {
    }

    /// <summary>From values as written, whether read from the syntax tree or straight from the reader.</summary>
    internal FieldDefinition(string name, FieldValues values)
    {
        Name = name;
        Type = TypesByName.GetValueOrDefault(values.Type ?? "string", FieldType.String);
        maxLength = Pack(values.MaxLength);
        precision = Pack(values.Precision);
        Required = values.Required ?? false;
        ReadOnly = values.ReadOnly ?? false;
        Virtual = values.Virtual ?? false;
        Target = values.Target ?? values.Targets?.FirstOrDefault();
        // (As one conditional beside the list, the empty case took the list's type: an empty list per field, 2
        // million of them over 10,000 maps' metadata, held for the whole run.)
        Targets = values.Targets is { Count: > 0 } targets ? targets : Target is { } single ? new[] { single } : Array.Empty<string>();
        Values = values.Values;
    }

    private FieldDefinition(FieldDefinition basis, IReadOnlyList<string> values)
    {
        Name = basis.Name;
        Type = basis.Type;
        maxLength = basis.maxLength;
        precision = basis.precision;
        Required = basis.Required;
        ReadOnly = basis.ReadOnly;
        Virtual = basis.Virtual;
        Target = basis.Target;
        Targets = basis.Targets;
        Values = values;
    }

    /// <summary>The same field with the values another export lists for it.</summary>
    internal FieldDefinition WithValues(IReadOnlyList<string> values) => new(this, values);

    public string Name { get; }

    public FieldType Type { get; }

    public string TypeName => TypeNames[(int)Type];

    // Two ints with a sentinel rather than two long?: a metadata export holds millions of fields (24 bytes each
    // less, 48 MB over the 2 million fields of 10,000 generated maps).
    private const int None = int.MinValue;
    private readonly int maxLength;
    private readonly int precision;

    public long? MaxLength => maxLength == None ? null : maxLength;

    /// <summary>Number of decimal places for decimal, real and money fields.</summary>
    public long? Precision => precision == None ? null : precision;

    public bool Required { get; }

    public bool ReadOnly { get; }

    public bool Virtual { get; }

    /// <summary>For a lookup: the table it points to (the first, for a lookup to several).</summary>
    public string? Target { get; }

    /// <summary>For a lookup: every table it can point to (owner: systemuser and team; customer: account and contact).</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>For an enum or option set: the values it can hold.</summary>
    public IReadOnlyList<string>? Values { get; }

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

    private static int Pack(long? value) => value is { } v ? (int)Math.Clamp(v, None + 1L, int.MaxValue) : None;
}
