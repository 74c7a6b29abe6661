using System.Text.Json;
using System.Globalization;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Metadata;
using MapLint.Model;
using MapLint.Readers.ServiceRecords;
using MapLint.Syntax;
using MapLint.Text;
using MapLint.Util;

namespace MapLint.Workspace;

/// <summary>
/// Reads, decodes, parses, recognises and binds one file. Everything that can go wrong with the file itself
/// becomes a diagnostic on it; nothing here throws for bad input.
/// </summary>
public static class DocumentLoader
{
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    public static MapLintDocument? Load(WorkspaceFile file, DiagnosticBag bag, long maxFileBytes = DefaultMaxFileBytes, IReadOnlyCollection<string>? crossCompanyDataSharing = null) =>
        ReadBytes(file, bag, maxFileBytes) is { } bytes ? Load(file, bytes, bag, crossCompanyDataSharing) : null;

    /// <summary>The file's bytes, or null after reporting why they cannot be had (too large, not a regular file, outside the workspace, gone).</summary>
    public static byte[]? ReadBytes(WorkspaceFile file, DiagnosticBag bag, long maxFileBytes = DefaultMaxFileBytes)
    {
        try
        {
            return SafeFileReader.Read(file.FullPath, maxFileBytes, file.Root);
        }
        catch (UnsafeReadException ex) when (ex.Refusal == ReadRefusal.TooLarge)
        {
            bag.Add(DocumentRules.FileTooLarge, default, null, ex.Message, Megabytes(maxFileBytes));
            return null;
        }
        catch (UnsafeReadException ex)
        {
            bag.Add(DocumentRules.UnreadableFile, default, null, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// True for an app's metadata export ($metadata XML, or Dataverse JSON carrying its EntityDefinitions
    /// context), which the engine loads after the maps so it converts only the entities they use.
    /// </summary>
    public static bool IsMetadataExport(WorkspaceFile file, byte[] bytes)
    {
        if (!file.FullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return FinanceOperationsMetadataReader.IsExport(bytes);
        }

        // (An ASCII word: found in the bytes as in their text, without decoding 4 KB of every file to a string.)
        return bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).IndexOf("$metadata#EntityDefinitions"u8) >= 0;
    }

    /// <summary>Whether the file is a table map, from <see cref="PeekKind"/>.</summary>
    public static bool LooksLikeTableMap(byte[] bytes) => PeekKind(bytes) == "tableMap";

    /// <summary>
    /// The document's first top-level <c>kind</c> (the one the parser keeps), reading no further than that. UTF-8
    /// only; anything unusual (UTF-16, broken JSON before the kind) answers null, and the file then takes the
    /// general path, which gives the same findings.
    /// </summary>
    public static string? PeekKind(byte[] bytes) => ReaderBinding.PeekKind(bytes, complete: true);

    /// <summary>The first bytes of a file (enough to find its kind), or null when it cannot be read; reports nothing (the full read does).</summary>
    public static byte[]? ReadPrefix(WorkspaceFile file, int length = 4096)
    {
        try
        {
            return SafeFileReader.ReadPrefix(file.FullPath, length, file.Root);
        }
        catch (UnsafeReadException)
        {
            return null;
        }
    }

    // Folders contribute their XML and zip files for solutions; any other XML or zip is not MapLint's.
    private static bool IsOtherXmlOrZip(WorkspaceFile file, byte[] bytes) =>
        (file.FullPath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !FinanceOperationsMetadataReader.IsExport(bytes))
        || file.FullPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    public static MapLintDocument? Load(WorkspaceFile file, byte[] bytes, DiagnosticBag bag, IReadOnlyCollection<string>? crossCompanyDataSharing = null, MetadataDemand? demand = null) =>
        Load(file, bytes, bag, crossCompanyDataSharing, demand, bindFromReader: true);

    /// <summary>
    /// Every document the file holds, in file order: what the engine calls. One file gives one document today;
    /// readers of formats holding several (solutions of many maps, projects carrying metadata) plug in here.
    /// </summary>
    public static IReadOnlyList<MapLintDocument> LoadDocuments(WorkspaceFile file, byte[] bytes, DiagnosticBag bag, IReadOnlyCollection<string>? crossCompanyDataSharing = null, MetadataDemand? demand = null) =>
        // The service's own records (a Web API export, a solution, a project document) hold several documents.
        ServiceDocuments.TryRead(file.FullPath, file.DisplayPath, bytes, bag)
        ?? (IsOtherXmlOrZip(file, bytes) ? [] : Load(file, bytes, bag, crossCompanyDataSharing, demand) is { } document ? [document] : []);

    /// <summary>The same, choosing whether valid maps and metadata are bound straight from the reader (tests compare both).</summary>
    internal static MapLintDocument? Load(WorkspaceFile file, byte[] bytes, DiagnosticBag bag, IReadOnlyCollection<string>? crossCompanyDataSharing, MetadataDemand? demand, bool bindFromReader)
    {
        // Finance and operations $metadata (CSDL) is read as it comes; other XML is not MapLint's.
        if (!file.FullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && FinanceOperationsMetadataReader.IsExport(bytes))
        {
            return FinanceOperationsMetadataReader.Read(bytes, bag, crossCompanyDataSharing ?? [], demand) is { } foExport ? FromExport(file, foExport) : null;
        }

        var text = SourceDecoder.Decode(bytes, bag);
        if (text is null)
        {
            return null;
        }

        // Credentials are looked for in every JSON file, whatever it turns out to be.
        Analyzers.Secrets.DIPV2300CredentialInDocument.Scan(text, bag);

        if (bindFromReader && PeekKind(text.Utf8) is { } peeked && LoadFromReader(file, text, bag, peeked) is { } bound)
        {
            return bound;
        }

        var root = JsonParser.Parse(text, bag);
        if (root is not JsonObject obj)
        {
            // Valid JSON that is not an object cannot be a MapLint document: skip it like any other JSON file.
            return null;
        }

        // A Dataverse EntityDefinitions export is read as it comes.
        if (DataverseMetadataReader.IsExport(obj))
        {
            return FromExport(file, DataverseMetadataReader.Read(obj, bag, demand));
        }

        var kind = Recognize(obj, bag);
        if (kind is null)
        {
            return null;
        }

        ShapeValidator.Validate(obj, kind.Shape, kind.Name, bag);
        return kind.Bind(new SourceFile(file.FullPath, file.DisplayPath, text), obj);
    }

    /// <summary>
    /// A table map or entityMetadata document whose bulk (mappings, entities) is bound straight from the reader:
    /// the rest of the document (a few top-level properties) goes through the usual parse and shape validation
    /// with the bulk left out, into a bag of its own that counts only if the bulk binds. Null when it does not:
    /// the caller then takes the general path, whose syntax tree words the findings.
    /// </summary>
    internal static MapLintDocument? LoadFromReader(WorkspaceFile file, SourceText text, DiagnosticBag bag, string kind, Func<string, bool>? wantedEntities = null)
    {
        (DocumentKind? expected, byte[] bulk, JsonTokenType container) = kind switch
        {
            "tableMap" => ((DocumentKind?)DocumentKind.TableMap, "mappings"u8.ToArray(), JsonTokenType.StartArray),
            "entityMetadata" => (DocumentKind.EntityMetadata, "entities"u8.ToArray(), JsonTokenType.StartObject),
            _ => (null, Array.Empty<byte>(), JsonTokenType.None),
        };
        if (expected is null || ReaderBinding.FindTopLevel(text.Utf8, bulk, container) is not { } range)
        {
            return null;
        }

        var own = new DiagnosticBag(bag.Path, text);
        if (JsonParser.ParseWithout(text, range, own) is not JsonObject root
            || DataverseMetadataReader.IsExport(root)
            || Recognize(root, own) is not { } info
            || info.Kind != expected)
        {
            return null;
        }

        ShapeValidator.Validate(root, info.Shape, info.Name, own);
        var document = info.Bind(new SourceFile(file.FullPath, file.DisplayPath, text), root);
        switch (document)
        {
            case TableMap map when TableMapBinder.Bind(map, text.Utf8, range) is { } mappings:
                map.SetMappings(mappings);
                break;
            case EntityMetadataDocument metadata when EntityMetadataBinder.Bind(metadata, text.Utf8, range, wantedEntities) is { } entities:
                metadata.SetEntities(entities);
                break;
            default:
                return null;
        }

        foreach (var diagnostic in own.Diagnostics)
        {
            bag.Add(diagnostic);
        }

        return document;
    }

    /// <summary>
    /// An app's export as an entityMetadata document, through the same writer as `maplint metadata import`, so
    /// reading an export directly and importing it first bind to the same model.
    /// </summary>
    private static MapLintDocument FromExport(WorkspaceFile file, MetadataExport export)
    {
        var text = SourceText.From(EntityMetadataWriter.Write(export, schemaPath: null));
        var root = (JsonObject)JsonParser.Parse(text, new DiagnosticBag(file.DisplayPath, text))!;
        var document = (EntityMetadataDocument)DocumentKinds.EntityMetadata.Bind(new SourceFile(file.FullPath, file.DisplayPath, text), root);

        // Findings about a definition point into the export itself, not into the converted copy.
        var exported = new Dictionary<string, ExportedEntity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in export.Entities)
        {
            exported.TryAdd(entity.Name, entity);
        }

        foreach (var entity in document.Entities)
        {
            if (exported.TryGetValue(entity.Name, out var origin))
            {
                entity.DefinedAt(origin.Span, origin.ColumnsOnly);
            }
        }

        return document;
    }

    /// <summary>
    /// Finds the document kind. JSON files that are not MapLint documents are skipped silently, but a near-miss
    /// (a `kind` one typo away, or a MapLint `$schema` with a bad or missing kind) is reported.
    /// </summary>
    private static DocumentKindInfo? Recognize(JsonObject root, DiagnosticBag bag)
    {
        var kindProperty = root.GetProperty("kind");
        bool claimsMapLint = root.GetString("$schema") is { } schema && DocumentKinds.All.Any(k => schema.EndsWith(k.SchemaFileName, StringComparison.OrdinalIgnoreCase));
        var names = DocumentKinds.All.Select(k => k.Name).ToList();
        if (kindProperty?.Value is not JsonString kindValue)
        {
            if (claimsMapLint)
            {
                var span = kindProperty?.Value.Span ?? root.AnchorSpan;
                bag.Add(DocumentRules.UnknownKind, span, "$.kind", $"The document names a MapLint schema but has no string 'kind'; add \"kind\": one of {string.Join(", ", names.Select(n => "'" + n + "'"))}.");
            }

            return null;
        }

        if (DocumentKinds.Find(kindValue.Value) is { } kind)
        {
            return kind;
        }

        string? suggestion = NameSuggester.Suggest(kindValue.Value, names);
        if (suggestion is not null || claimsMapLint)
        {
            bag.Add(
                DocumentRules.UnknownKind,
                kindValue.Span,
                "$.kind",
                suggestion is null ? null : System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("suggestion", suggestion),
                $"'{kindValue.Value}' is not a MapLint document kind; use one of {string.Join(", ", names.Select(n => "'" + n + "'"))}.{NameSuggester.Hint(suggestion)}");
        }

        return null;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
