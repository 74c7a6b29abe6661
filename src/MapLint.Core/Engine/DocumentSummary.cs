using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Semantics;
using MapLint.Text;
using MapLint.Workspace;

namespace MapLint.Engine;

/// <summary>
/// What one file gives the workspace once read and checked on its own: the documents bound from it (a file may
/// hold several, or none), the findings that need only it, the metadata it used and the connection sets, and
/// what rules spanning documents need of it. Immutable; a changed file gets a new summary.
/// </summary>
public sealed class DocumentSummary
{
    internal DocumentSummary(WorkspaceFile file, string contentHash, SourceText? text, IReadOnlyList<MapLintDocument> documents, IReadOnlyList<Diagnostic> findings, MetadataUse uses, bool isMetadataExport, IReadOnlyList<MapColumns> columns)
    {
        File = file;
        ContentHash = contentHash;
        Text = text;
        Documents = documents;
        Findings = findings;
        Uses = uses;
        IsMetadataExport = isMetadataExport;
        Columns = columns;
    }

    public WorkspaceFile File { get; }

    /// <summary>SHA-256 of the bytes read, lower-case hex; empty when the file could not be read.</summary>
    public string ContentHash { get; }

    /// <summary>The decoded text (positions of findings), or null when the file was not decoded.</summary>
    public SourceText? Text { get; }

    /// <summary>The documents bound from the file: none for JSON that is not MapLint's or that does not parse.</summary>
    public IReadOnlyList<MapLintDocument> Documents { get; }

    /// <summary>The kind of the file's (first) document, or null when it yields none.</summary>
    public DocumentKind? Kind => Documents.Count > 0 ? Documents[0].Kind : Metadata is not null ? DocumentKind.EntityMetadata : null;

    /// <summary>
    /// Metadata restored from the cache by what it defines (names, organization lists): the file is not parsed
    /// unless a rule asks for one of its entities. Its <see cref="Documents"/> are then empty.
    /// </summary>
    public DeferredMetadata? Metadata { get; init; }

    /// <summary>
    /// Findings of the file alone: reading, syntax, shape, binding, and each document's own rules (those that read
    /// no other map). Before severities and suppressions, which the workspace applies with the rest.
    /// </summary>
    public IReadOnlyList<Diagnostic> Findings { get; }

    /// <summary>What the file's own rules read of the metadata.</summary>
    public MetadataUse Uses { get; }

    /// <summary>An app's metadata export, converted for the entities the workspace's maps use.</summary>
    public bool IsMetadataExport { get; }

    /// <summary>Per table map of the file, the plain columns each side maps (how lookups find targets without metadata).</summary>
    public IReadOnlyList<MapColumns> Columns { get; }

    public IEnumerable<TableMap> TableMaps => Documents.OfType<TableMap>();

    /// <summary>Findings of the file alone that the findings cap only counted (see <see cref="DiagnosticBag.CapsFindings"/>).</summary>
    public IReadOnlyList<OmittedFindings> Omitted { get; init; } = [];

    /// <summary>An .al file's objects and tokens, which the Business Central rules read across files; null for other files.</summary>
    public BusinessCentral.AlFile? Al { get; init; }
}

/// <summary>The plain (not lookup) columns a map maps on each side, each once.</summary>
public sealed record MapColumns(string SourceApp, string SourceEntity, IReadOnlyList<string> Source, string DestinationApp, string DestinationEntity, IReadOnlyList<string> Destination)
{
    public static MapColumns Of(TableMap map)
    {
        return new MapColumns(map.Source.App, map.Source.Entity, Plain(map, MapSideRole.Source), map.Destination.App, map.Destination.Entity, Plain(map, MapSideRole.Destination));
    }

    private static string[] Plain(TableMap map, MapSideRole role)
    {
        var seen = Util.ScratchNames.Take();
        var columns = new List<string>(map.Mappings.Count);
        foreach (var mapping in map.Mappings)
        {
            if (mapping.GetField(role) is { IsLookup: false } field && seen.Add(field.Column))
            {
                columns.Add(field.Column);
            }
        }

        return columns.ToArray();
    }

    internal void AddTo(KeyColumnIndex index)
    {
        foreach (var column in Source)
        {
            index.Add(SourceApp, column, SourceEntity);
        }

        foreach (var column in Destination)
        {
            index.Add(DestinationApp, column, DestinationEntity);
        }
    }
}
