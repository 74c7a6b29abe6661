using MapLint.Model;
using MapLint.Syntax;

namespace MapLint.Documents;

/// <summary>A document kind: its `kind` value, its shape (and so its schema file) and how to bind it.</summary>
public sealed class DocumentKindInfo
{
    internal DocumentKindInfo(string name, DocumentKind kind, ObjectShape shape, Func<SourceFile, JsonObject, MapLintDocument> bind)
    {
        Name = name;
        Kind = kind;
        Shape = shape;
        Bind = bind;
    }

    public string Name { get; }

    public DocumentKind Kind { get; }

    public ObjectShape Shape { get; }

    public string SchemaFileName => Name + ".schema.json";

    public Func<SourceFile, JsonObject, MapLintDocument> Bind { get; }
}

/// <summary>The four MapLint document kinds and their shapes.</summary>
public static class DocumentKinds
{
    private static readonly StringShape Name = new() { MinLength = 1 };
    private static readonly StringShape Text = new();
    private static readonly BooleanShape Flag = new();

    private static readonly PropertyShape SchemaProperty = new("$schema", Text, Description: "Path or URL of the JSON Schema, for editors.");
    private static readonly PropertyShape DescriptionProperty = new("description", Text, Description: "Free text for people.");

    /// <summary>Suppressions in a document, a map or one mapping: which rule, and why.</summary>
    private static readonly PropertyShape SuppressionsProperty = new(
        "suppressions",
        new ArrayShape(new ObjectShape(
            "a suppression",
            new PropertyShape("rule", Name, Required: true, Description: "The rule id, e.g. DIPV1004."),
            new PropertyShape("justification", Name, Required: true, Description: "Why the finding is accepted here."))),
        Description: "Findings accepted on purpose: each names a rule and a justification. An unused suppression is reported (DIPV2009).");

    private static PropertyShape KindProperty(string kind) =>
        new("kind", new StringShape { Enum = [kind] }, Required: true, Description: "The document kind.");

    private static readonly ObjectShape MapSideShape = new(
        "a map side",
        new PropertyShape("app", Name, Required: true, Description: "financeAndOperations, dataverse, or another Data Integrator app."),
        new PropertyShape("entity", Name, Required: true, Description: "Entity (finance and operations) or table (Dataverse) logical name."),
        new PropertyShape("filter", Text, Description: "Query range expression (finance and operations) or OData $filter (Dataverse)."));

    private static readonly ObjectShape ValueMapEntryShape = new(
        "a value map entry",
        new PropertyShape("source", new ScalarShape(), Required: true, Description: "Value on the source side."),
        new PropertyShape("destination", new ScalarShape(), Required: true, Description: "Value on the destination side."));

    private static readonly ObjectShape TransformShape = new(
        "a transform",
        new PropertyShape("defaultValue", new ScalarShape(), Description: "Value written when the source has none, or instead of a source field."),
        new PropertyShape("valueMap", new ArrayShape(ValueMapEntryShape) { MinItems = 1 }, Description: "Pairs of source and destination values."));

    private static readonly ObjectShape FieldMappingShape = new(
        "a field mapping",
        new PropertyShape("source", Name, Description: "Source field; lookups as lookupColumn.keyColumnOfTarget."),
        new PropertyShape("direction", new StringShape { Enum = MapDirections.Symbols }, Required: true, Description: "= and >< both ways; > and >> source to destination; < and << destination to source; >< >> << go through a transform."),
        new PropertyShape("destination", Name, Description: "Destination field; lookups as lookupColumn.keyColumnOfTarget."),
        new PropertyShape("transform", TransformShape),
        DescriptionProperty,
        SuppressionsProperty);

    public static readonly DocumentKindInfo TableMap = new(
        "tableMap",
        DocumentKind.TableMap,
        new ObjectShape(
            "a table map",
            SchemaProperty,
            KindProperty("tableMap"),
            new PropertyShape("name", Name, Required: true, Description: "The map's name, unique in the workspace."),
            DescriptionProperty,
            new PropertyShape("source", MapSideShape, Required: true),
            new PropertyShape("destination", MapSideShape, Required: true),
            new PropertyShape("integrationKey", new ArrayShape(Name) { MinItems = 1 }, Description: "Fields of the key side's table that identify a record, overriding the table's alternate key."),
            new PropertyShape("mappings", new ArrayShape(FieldMappingShape), Required: true),
            SuppressionsProperty)
        {
            Description = "A dual-write or Data Integrator table map.",
        },
        (file, root) => new TableMap(file, root));

    public static readonly DocumentKindInfo ConnectionSet = new(
        "connectionSet",
        DocumentKind.ConnectionSet,
        new ObjectShape(
            "a connection set",
            SchemaProperty,
            KindProperty("connectionSet"),
            new PropertyShape("name", Name, Required: true),
            DescriptionProperty,
            new PropertyShape(
                "environments",
                new ArrayShape(new ObjectShape(
                    "an environment",
                    new PropertyShape("name", Name, Required: true),
                    new PropertyShape("app", Text, Description: "The app this environment runs."),
                    new PropertyShape("url", Text, Description: "The environment's URL."))),
                Required: true),
            new PropertyShape(
                "connections",
                new ArrayShape(new ObjectShape(
                    "a connection",
                    new PropertyShape("name", Name, Required: true),
                    new PropertyShape("app", Text),
                    new PropertyShape("environment", Text, Description: "Name of the environment this connection reaches.")))),
            new PropertyShape(
                "organizationMappings",
                new ArrayShape(new ObjectShape(
                    "an organization mapping",
                    new PropertyShape("legalEntity", Name, Required: true, Description: "Finance and operations legal entity (company) ID."),
                    new PropertyShape("businessUnit", Name, Required: true, Description: "Dataverse business unit name."))),
                Description: "Legal entity to business unit pairs."),
            SuppressionsProperty)
        {
            Description = "A connection set: environments, connections and organization mappings.",
        },
        (file, root) => new ConnectionSet(file, root));

    public static readonly DocumentKindInfo Project = new(
        "project",
        DocumentKind.Project,
        new ObjectShape(
            "a project",
            SchemaProperty,
            KindProperty("project"),
            new PropertyShape("name", Name, Required: true),
            DescriptionProperty,
            new PropertyShape("connectionSet", Name, Required: true, Description: "Name of the connection set the project uses."),
            new PropertyShape(
                "tasks",
                new ArrayShape(new ObjectShape(
                    "a task",
                    new PropertyShape("name", Name, Required: true),
                    new PropertyShape("source", Name, Required: true, Description: "Source environment name."),
                    new PropertyShape("destination", Name, Required: true, Description: "Destination environment name."),
                    new PropertyShape("map", Name, Required: true, Description: "Name of the table map the task runs."))),
                Required: true),
            SuppressionsProperty)
        {
            Description = "A Data Integrator project.",
        },
        (file, root) => new Project(file, root));

    private static readonly ObjectShape FieldShape = new(
        "a field",
        new PropertyShape("type", new StringShape { Enum = FieldDefinition.TypeNames }, Required: true),
        new PropertyShape("maxLength", new IntegerShape { Minimum = 1 }),
        new PropertyShape("precision", new IntegerShape { Minimum = 0 }, Description: "Decimal places."),
        new PropertyShape("required", Flag),
        new PropertyShape("readOnly", Flag),
        new PropertyShape("virtual", Flag, Description: "A computed or virtual field whose changes are not tracked."),
        new PropertyShape("target", Name, Description: "For a lookup: the table it points to."),
        new PropertyShape("targets", new ArrayShape(Name), Description: "For a lookup to several tables (owner, customer): every table it can point to."),
        new PropertyShape("values", new ArrayShape(new ScalarShape()), Description: "For an enum or option set: its values."),
        DescriptionProperty);

    private static readonly ObjectShape EntityShape = new(
        "an entity",
        DescriptionProperty,
        new PropertyShape("companyScope", new StringShape { Enum = ["company", "global"] }, Description: "company: records belong to a legal entity; global: shared."),
        new PropertyShape("crossCompanyDataSharing", Flag),
        new PropertyShape("tableType", new StringShape { Enum = ["standard", "virtual", "elastic"] }),
        new PropertyShape("hasVersionNumber", Flag),
        new PropertyShape("companyField", Name, Description: "Field holding the company (default dataAreaId or msdyn_company)."),
        new PropertyShape("entitySetName", Name, Description: "Dataverse: the table's entity set name (EntitySetName), the plural the Web API and dual-write map records use, e.g. accounts."),
        new PropertyShape("keys", new ArrayShape(new ArrayShape(Name) { MinItems = 1 }), Description: "Integration (alternate) keys; the first is used."),
        new PropertyShape("fields", new ObjectShape("a field list") { AdditionalProperties = FieldShape }, Required: true));

    public static readonly DocumentKindInfo EntityMetadata = new(
        "entityMetadata",
        DocumentKind.EntityMetadata,
        new ObjectShape(
            "entity metadata",
            SchemaProperty,
            KindProperty("entityMetadata"),
            new PropertyShape("name", Name),
            DescriptionProperty,
            new PropertyShape("app", Name, Required: true),
            new PropertyShape("legalEntities", new ArrayShape(Name), Description: "Legal entities (companies) that exist in finance and operations."),
            new PropertyShape("businessUnits", new ArrayShape(Name), Description: "Business units that exist in Dataverse."),
            new PropertyShape("entities", new ObjectShape("an entity list") { AdditionalProperties = EntityShape }, Required: true),
            SuppressionsProperty)
        {
            Description = "Metadata of one app's entities or tables.",
        },
        (file, root) => new EntityMetadataDocument(file, root));

    public static IReadOnlyList<DocumentKindInfo> All { get; } = [TableMap, ConnectionSet, Project, EntityMetadata];

    public static DocumentKindInfo? Find(string kind) => All.FirstOrDefault(k => k.Name == kind);
}
