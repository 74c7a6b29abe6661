namespace MapLint.Semantics;

/// <summary>
/// What one document's rules asked of the metadata: the entities they looked up (found or not), the apps whose
/// whole entity list they read (name suggestions, "has the app any metadata"), and whether they read the
/// organization lists. The engine records it while a document's own rules run; the dependency index and the
/// summary cache key on it, so a change to other metadata leaves the document alone.
/// </summary>
public sealed class MetadataUse
{
    public static readonly MetadataUse None = new([], [], false);

    internal MetadataUse(IReadOnlyCollection<(string App, string Entity)> entities, IReadOnlyCollection<string> apps, bool organization)
    {
        Entities = entities;
        Apps = apps;
        Organization = organization;
    }

    /// <summary>(app, entity) pairs looked up, sorted (ordinal, case-insensitive), whether the metadata had them or not.</summary>
    public IReadOnlyCollection<(string App, string Entity)> Entities { get; }

    /// <summary>Apps whose whole entity list was read; any change to that app's metadata concerns the document.</summary>
    public IReadOnlyCollection<string> Apps { get; }

    /// <summary>True when legal entities or business units were read.</summary>
    public bool Organization { get; }

    [ThreadStatic]
    private static Recorder? current;

    /// <summary>Starts recording on this thread until the recorder is disposed (one document's rules run on one thread).</summary>
    internal static Recorder Record() => current = new Recorder();

    internal static void Entity(string app, string entity) => current?.AddEntity(app, entity);

    internal static void App(string app) => current?.AddApp(app);

    internal static void OrganizationLists()
    {
        if (current is { } recorder)
        {
            recorder.Organization = true;
        }
    }

    internal sealed class Recorder : IDisposable
    {
        private readonly HashSet<(string, string)> entities = new(PairIgnoreCase.Instance);
        private readonly HashSet<string> apps = new(StringComparer.OrdinalIgnoreCase);
        private string? lastApp;
        private string? lastEntity;

        public bool Organization { get; set; }

        public void AddEntity(string app, string entity)
        {
            // Rules ask about the same table many times in a row: a reference check answers most of them.
            if (!ReferenceEquals(app, lastApp) || !ReferenceEquals(entity, lastEntity))
            {
                entities.Add((app, entity));
                lastApp = app;
                lastEntity = entity;
            }
        }

        public void AddApp(string app) => apps.Add(app);

        public MetadataUse ToUse() => entities.Count == 0 && apps.Count == 0 && !Organization
            ? None
            : new MetadataUse(
                entities.OrderBy(e => e.Item1, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Item2, StringComparer.OrdinalIgnoreCase).ToList(),
                apps.Order(StringComparer.OrdinalIgnoreCase).ToList(),
                Organization);

        public void Dispose()
        {
            if (ReferenceEquals(current, this))
            {
                current = null;
            }
        }
    }
}
