using MapLint.Diagnostics;

namespace MapLint.BusinessCentral;

/// <summary>A table as the repository knows it: its own definition (when here), the extensions of it here, and their fields.</summary>
public sealed class BcTable
{
    private readonly Dictionary<string, (AlField Field, AlFile File)> fields = new(StringComparer.OrdinalIgnoreCase);

    internal BcTable(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>The table object, when the repository defines it (not for base-application tables it only extends).</summary>
    public AlObject? Definition { get; private set; }

    public AlFile? File { get; private set; }

    /// <summary>True when the table itself is here, so every field it can have is known (its own and its extensions').</summary>
    public bool IsComplete => Definition is not null;

    public bool IsProxy => Definition?.IsProxy == true;

    public IEnumerable<(AlField Field, AlFile File)> Fields => fields.Values;

    public (AlField Field, AlFile File)? FindField(string name) => fields.TryGetValue(name, out var found) ? found : null;

    internal void Define(AlObject table, AlFile file)
    {
        if (Definition is null)
        {
            Definition = table;
            File = file;
        }

        AddFields(table, file);
    }

    internal void AddFields(AlObject obj, AlFile file)
    {
        foreach (var field in obj.Fields)
        {
            fields.TryAdd(field.Name.Text, (field, file));
        }
    }
}

/// <summary>
/// The semantic model of a repository's Business Central side: its tables (with extensions merged), proxy
/// tables, the integration table and field mappings its code creates, what it cannot read statically, and the
/// base application's default mappings by name.
/// </summary>
public sealed class BusinessCentralApp
{
    private readonly Dictionary<string, BcTable> tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IntegrationTableMapping> mappings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> mappingsOfTable = new(StringComparer.OrdinalIgnoreCase);

    private BusinessCentralApp(IReadOnlyList<AlFile> files)
    {
        Files = files;
    }

    public static readonly BusinessCentralApp Empty = new([]);

    public IReadOnlyList<AlFile> Files { get; }

    /// <summary>The repository's table mappings, in file and position order.</summary>
    public List<IntegrationTableMapping> TableMappings { get; } = [];

    /// <summary>Field mappings added to the base application's own table mappings (CUSTOMER, CONTACT…), by mapping name.</summary>
    public Dictionary<string, List<IntegrationFieldMapping>> BaseMappingAdditions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<DynamicMapping> Dynamic { get; } = [];

    public IEnumerable<BcTable> Tables => tables.Values;

    public bool IsEmpty => TableMappings.Count == 0 && BaseMappingAdditions.Count == 0 && Dynamic.Count == 0 && tables.Count == 0;

    public BcTable? FindTable(string name) => tables.GetValueOrDefault(name);

    public IntegrationTableMapping? FindMapping(string name) => mappings.GetValueOrDefault(name);

    /// <summary>True for a mapping of the repository or one of the base application's defaults.</summary>
    public bool IsKnownMapping(string name) => mappings.ContainsKey(name) || BaseApplication.DefaultMappings.ContainsKey(name);

    /// <summary>The names of the mappings (the repository's and the base application's) that synchronize a table.</summary>
    public IReadOnlyList<string> MappingsOfTable(string table) => mappingsOfTable.TryGetValue(table, out var names) ? names : [];

    /// <summary>The BC table and integration table of a mapping known by name.</summary>
    public (string Table, string IntegrationTable)? TablesOfMapping(string name) =>
        mappings.TryGetValue(name, out var mapping) ? (mapping.Table.Value, mapping.IntegrationTable.Value) : BaseApplication.DefaultMappings.TryGetValue(name, out var tables) ? tables : null;

    /// <summary>The field a <c>FieldNo</c> names, when its table is in the repository and has it.</summary>
    public (AlField Field, AlFile File)? Resolve(FieldNoReference? reference) =>
        reference is not null && FindTable(reference.Table) is { } table ? table.FindField(reference.Field.Text) : null;

    /// <summary>The tables a BC field relates to: from its TableRelation when its table is here, else from what the base application is known to relate.</summary>
    public IReadOnlyList<string> RelatedTables(FieldNoReference field)
    {
        if (Resolve(field) is { } found)
        {
            return found.Field.RelatedTables.Select(t => t.Text).ToList();
        }

        return BaseApplication.Relations.TryGetValue((field.Table, field.Field.Text), out var related) ? [related] : [];
    }

    /// <summary>Reads what every AL file's objects define and create, then ties field mappings and settings by name to their table mappings.</summary>
    public static BusinessCentralApp Build(IReadOnlyList<AlFile> files)
    {
        var app = new BusinessCentralApp(files);
        var byName = new List<(string Name, Action<IntegrationTableMapping> Apply)>();
        var fieldMappings = new List<IntegrationFieldMapping>();
        foreach (var file in files)
        {
            foreach (var obj in file.Objects)
            {
                if (obj.Kind == AlObjectKind.Table)
                {
                    app.Table(obj.Name.Text).Define(obj, file);
                }
                else if (obj.Kind == AlObjectKind.TableExtension && obj.Extends is { } target)
                {
                    app.Table(target.Text).AddFields(obj, file);
                }

                if (obj.Procedures.Count > 0)
                {
                    var read = MappingReader.Read(file, obj);
                    app.TableMappings.AddRange(read.TableMappings);
                    fieldMappings.AddRange(read.FieldMappings);
                    byName.AddRange(read.ByName);
                    app.Dynamic.AddRange(read.Dynamic);
                }
            }
        }

        foreach (var mapping in app.TableMappings)
        {
            app.mappings.TryAdd(mapping.Key, mapping);
        }

        foreach (var (name, (table, _)) in BaseApplication.DefaultMappings.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!app.mappings.ContainsKey(name))
            {
                app.AddMappingOfTable(table, name);
            }
        }

        foreach (var mapping in app.TableMappings)
        {
            app.AddMappingOfTable(mapping.Table.Value, mapping.Key);
        }

        foreach (var field in fieldMappings)
        {
            string key = field.MappingName.Value.ToUpperInvariant();
            if (app.mappings.TryGetValue(key, out var mapping))
            {
                mapping.FieldMappings.Add(field);
            }
            else if (BaseApplication.DefaultMappings.ContainsKey(key))
            {
                if (!app.BaseMappingAdditions.TryGetValue(key, out var list))
                {
                    app.BaseMappingAdditions[key] = list = [];
                }

                list.Add(field);
            }
        }

        foreach (var (name, apply) in byName)
        {
            if (app.mappings.TryGetValue(name, out var mapping))
            {
                apply(mapping);
            }
        }

        return app;
    }

    private BcTable Table(string name)
    {
        if (!tables.TryGetValue(name, out var table))
        {
            tables[name] = table = new BcTable(name);
        }

        return table;
    }

    private void AddMappingOfTable(string table, string name)
    {
        if (!mappingsOfTable.TryGetValue(table, out var names))
        {
            mappingsOfTable[table] = names = [];
        }

        if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(name);
        }
    }
}

/// <summary>Findings of the AL reader itself: AL it cannot read, and mappings it cannot check statically.</summary>
public static class BusinessCentralRules
{
    public static readonly DiagnosticDescriptor AlSyntax = DiagnosticDescriptor.Create(
        "DIPV2500",
        "AL code cannot be read",
        "{0}",
        RuleCategory.BusinessCentral,
        Severity.Error);

    public static readonly DiagnosticDescriptor DynamicMapping = DiagnosticDescriptor.Create(
        "DIPV2501",
        "Integration mapping built dynamically",
        "{0} cannot be checked statically: {1}. Write its name, tables and fields as constants (literals, labels, FieldNo) to have it checked.",
        RuleCategory.BusinessCentral,
        Severity.Info);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [AlSyntax, DynamicMapping];
}
