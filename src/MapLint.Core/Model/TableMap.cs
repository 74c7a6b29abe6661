using MapLint.Filters;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Model;

/// <summary>A dual-write or Data Integrator table map: two sides and the field mappings between them.</summary>
public sealed class TableMap : MapLintDocument
{
    internal TableMap(SourceFile file, JsonObject root)
        : base(file, root)
    {
        Source = new MapSide(this, MapSideRole.Source, root.GetObject("source"));
        Destination = new MapSide(this, MapSideRole.Destination, root.GetObject("destination"));
        if (root.Get("integrationKey") is JsonArray key)
        {
            IntegrationKey = key.Items.OfType<JsonString>().Select(s => new NameReference(s.Value, s.Span)).ToList();
            IntegrationKeySyntax = key;
        }

        var mappings = new List<FieldMapping>();
        if (root.Get("mappings") is JsonArray array)
        {
            for (int i = 0; i < array.Items.Count; i++)
            {
                if (array.Items[i] is JsonObject mapping)
                {
                    mappings.Add(new FieldMapping(this, mappings.Count, i, mapping));
                }
            }
        }

        Mappings = mappings;
        writesSource = mappings.Any(m => m.Direction.FlowsToSource());
        writesDestination = mappings.Any(m => m.Direction.FlowsToDestination());

        // The mappings are bound and keep no syntax; their part of the tree (nearly all of a map) is let go.
        Root = Without(root, "mappings");
    }

    public override DocumentKind Kind => DocumentKind.TableMap;

    public MapSide Source { get; }

    public MapSide Destination { get; }

    /// <summary>The map's own integration key (fields of the key side), overriding the table's alternate keys.</summary>
    public IReadOnlyList<NameReference>? IntegrationKey { get; }

    public JsonArray? IntegrationKeySyntax { get; }

    public IReadOnlyList<FieldMapping> Mappings { get; private set; }

    private bool writesSource;
    private bool writesDestination;

    /// <summary>Mappings bound straight from the reader (<see cref="TableMapBinder"/>), the root having none.</summary>
    internal void SetMappings(List<FieldMapping> mappings)
    {
        Mappings = mappings;
        writesSource = mappings.Any(m => m.Direction.FlowsToSource());
        writesDestination = mappings.Any(m => m.Direction.FlowsToDestination());
    }

    /// <summary>A compacted map restored from the summary cache: its kept mappings and what it wrote when whole.</summary>
    internal void Restore(List<FieldMapping> kept, bool writesSource, bool writesDestination, string[] writtenSource, string[] writtenDestination)
    {
        Mappings = kept;
        writtenSourceColumns = writtenSource;
        writtenDestinationColumns = writtenDestination;
        this.writesSource = writesSource;
        this.writesDestination = writesDestination;
        IsCompacted = true;
    }

    /// <summary>Whether some mapping writes into the side (computed when bound, so it survives compaction).</summary>
    public bool Writes(MapSideRole role) => role == MapSideRole.Source ? writesSource : writesDestination;

    private string[]? writtenSourceColumns;
    private string[]? writtenDestinationColumns;

    /// <summary>
    /// The columns of the side some mapping writes (a lookup's column for a lookup), distinct, in mapping order:
    /// what a rule comparing maps of one table needs, kept when the map is compacted.
    /// </summary>
    public IReadOnlyList<string> WrittenColumns(MapSideRole role)
    {
        ref string[]? known = ref role == MapSideRole.Source ? ref writtenSourceColumns : ref writtenDestinationColumns;
        if (known is null)
        {
            var seen = Util.ScratchNames.Take();
            var columns = new List<string>(Mappings.Count);
            foreach (var mapping in Mappings)
            {
                if (mapping.Direction.FlowsInto(role) && mapping.GetField(role) is { } field && seen.Add(field.Column))
                {
                    columns.Add(field.Column);
                }
            }

            known = columns.ToArray();
        }

        return known;
    }

    /// <summary>True once <see cref="Compact"/> let go of the mappings only the map's own rules needed.</summary>
    public bool IsCompacted { get; private set; }

    /// <summary>
    /// Keeps only the mappings that rules spanning maps, suppressions and logical locations still need, once the
    /// map's own rules have run: a large repository then holds a few mappings per map instead of all of them.
    /// </summary>
    internal void Compact(Func<FieldMapping, bool> keep)
    {
        _ = WrittenColumns(MapSideRole.Source);
        _ = WrittenColumns(MapSideRole.Destination);
        Mappings = Mappings.Where(keep).ToList();
        IsCompacted = true;
    }

    public MapSide GetSide(MapSideRole role) => role == MapSideRole.Source ? Source : Destination;

    /// <summary>The side whose table owns the integration key: Dataverse when present, else the destination.</summary>
    public MapSide KeySide => Source.IsDataverse && !Destination.IsDataverse ? Source : Destination;

    /// <summary>The finance and operations side, when the map has one.</summary>
    public MapSide? FinanceAndOperationsSide => Source.IsFinanceAndOperations ? Source : Destination.IsFinanceAndOperations ? Destination : null;

    public bool HasBidirectionalMapping => Mappings.Any(m => m.Direction.IsBidirectional());

    /// <summary>The best place to point at when a finding is about the whole map.</summary>
    public TextSpan Anchor => NameSpan;

    /// <summary>For a map read from the service's records: its saved versions in the export (null for a MapLint document).</summary>
    public MapRecordSet? Records { get; internal set; }

    /// <summary>
    /// The export, solution or project a map read from the service's records belongs to; null for MapLint documents.
    /// Rules spanning maps (two maps of a table, lookups between maps) look within one deployment: an export is one
    /// environment's snapshot, and the same maps written as MapLint documents beside it are not a second writer.
    /// </summary>
    public string? Deployment { get; internal set; }
}

public enum MapSideRole
{
    Source,
    Destination,
}

/// <summary>One side of a table map: the app and the entity or table it reads and writes.</summary>
public sealed class MapSide
{
    internal MapSide(TableMap map, MapSideRole role, JsonObject? syntax)
    {
        Map = map;
        Role = role;
        Syntax = syntax;
        var app = syntax?.Get("app") as JsonString;
        var entity = syntax?.Get("entity") as JsonString;
        App = app?.Value ?? string.Empty;
        AppSpan = app?.Span ?? syntax?.AnchorSpan ?? map.Root.AnchorSpan;
        Entity = WrittenEntity = entity?.Value ?? string.Empty;
        EntitySpan = entity?.Span ?? AppSpan;
        if (syntax?.Get("filter") is JsonString filter)
        {
            Filter = new MapFilter(filter.Value, filter, IsFinanceAndOperations ? QueryRangeParser.Parse : IsDataverse ? ODataFilterParser.Parse : null);
        }
    }

    public TableMap Map { get; }

    public MapSideRole Role { get; }

    public JsonObject? Syntax { get; }

    public string App { get; }

    public TextSpan AppSpan { get; }

    /// <summary>
    /// The entity or table: a Dataverse table named by its entity set (accounts, as the service's records and the
    /// Web API name it) is its logical name (account) once the metadata resolves it (<see cref="Resolve"/>).
    /// </summary>
    public string Entity { get; private set; }

    /// <summary>The entity or table as the document writes it.</summary>
    public string WrittenEntity { get; }

    public TextSpan EntitySpan { get; }

    public MapFilter? Filter { get; }

    /// <summary>What the rules spanning maps need of the side's metadata, once the map's own rules ran; null before.</summary>
    public SideMetadata? KnownMetadata { get; internal set; }

    public bool IsDataverse => Apps.IsDataverse(App);

    /// <summary>Names the side by the logical name the metadata gives its written name (the semantic model resolves it).</summary>
    internal void Resolve(string logicalName) => Entity = logicalName;

    public bool IsFinanceAndOperations => Apps.IsFinanceAndOperations(App);

    public MapSide Other => Role == MapSideRole.Source ? Map.Destination : Map.Source;

    public string RoleName => Role == MapSideRole.Source ? "source" : "destination";
}

/// <summary>A side's filter: a query range expression on finance and operations, an OData $filter on Dataverse.</summary>
public sealed class MapFilter
{
    private readonly Lazy<FilterParseResult?> parsed;

    internal MapFilter(string text, JsonString syntax, Func<string, FilterParseResult>? parser)
    {
        Text = text;
        Syntax = syntax;
        parsed = new Lazy<FilterParseResult?>(() => parser?.Invoke(text));
    }

    public string Text { get; }

    public JsonString Syntax { get; }

    /// <summary>The filter parsed in its side's language, once however many rules read it; null for other apps.</summary>
    public FilterParseResult? Parsed => parsed.Value;
}
