using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Model;

/// <summary>A connection set: the environments a project runs between, their connections and organization mappings.</summary>
public sealed class ConnectionSet : MapLintDocument
{
    internal ConnectionSet(SourceFile file, JsonObject root)
        : base(file, root)
    {
        Environments = Items(root, "environments").Select(o => new EnvironmentDefinition(o)).ToList();
        Connections = Items(root, "connections").Select(o => new Connection(o)).ToList();
        OrganizationMappings = Items(root, "organizationMappings").Select(o => new OrganizationMapping(o)).ToList();
    }

    public override DocumentKind Kind => DocumentKind.ConnectionSet;

    public IReadOnlyList<EnvironmentDefinition> Environments { get; }

    public IReadOnlyList<Connection> Connections { get; }

    public IReadOnlyList<OrganizationMapping> OrganizationMappings { get; }

    /// <summary>The environment of that name (case-insensitive; the first of duplicates), through an index: a set of thousands of connections is checked in linear time.</summary>
    public EnvironmentDefinition? FindEnvironment(string name)
    {
        var index = environmentsByName;
        if (index is null)
        {
            index = new Dictionary<string, EnvironmentDefinition>(StringComparer.OrdinalIgnoreCase);
            foreach (var environment in Environments)
            {
                index.TryAdd(environment.Name, environment);
            }

            environmentsByName = index; // built at most a few times under a race, never half: the reference is set once complete
        }

        return index.TryGetValue(name, out var found) ? found : null;
    }

    private Dictionary<string, EnvironmentDefinition>? environmentsByName;

    public bool HasEnvironmentFor(string app) => Environments.Any(e => Apps.NameComparer.Equals(e.App?.Value, app));

    internal static IEnumerable<JsonObject> Items(JsonObject root, string name) =>
        root.Get(name) is JsonArray array ? array.Items.OfType<JsonObject>() : [];
}

public sealed class EnvironmentDefinition
{
    internal EnvironmentDefinition(JsonObject syntax)
    {
        Syntax = syntax;
        Name = syntax.GetString("name") ?? string.Empty;
        NameSpan = syntax.Get("name")?.Span ?? syntax.AnchorSpan;
        App = NameReference.From(syntax.Get("app"));
        Url = NameReference.From(syntax.Get("url"));
    }

    public JsonObject Syntax { get; }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public NameReference? App { get; }

    public NameReference? Url { get; }
}

/// <summary>A connection to an app, used by the connection set for one of its environments.</summary>
public sealed class Connection
{
    internal Connection(JsonObject syntax)
    {
        Syntax = syntax;
        Name = syntax.GetString("name") ?? string.Empty;
        NameSpan = syntax.Get("name")?.Span ?? syntax.AnchorSpan;
        App = NameReference.From(syntax.Get("app"));
        Environment = NameReference.From(syntax.Get("environment"));
    }

    public JsonObject Syntax { get; }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public NameReference? App { get; }

    public NameReference? Environment { get; }
}

/// <summary>A legal entity (finance and operations) paired with a business unit (Dataverse).</summary>
public sealed class OrganizationMapping
{
    internal OrganizationMapping(JsonObject syntax)
    {
        Syntax = syntax;
        LegalEntity = NameReference.From(syntax.Get("legalEntity"));
        BusinessUnit = NameReference.From(syntax.Get("businessUnit"));
    }

    public JsonObject Syntax { get; }

    public NameReference? LegalEntity { get; }

    public NameReference? BusinessUnit { get; }
}
