using System.Collections.Immutable;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// The one entry to the service's formats, recognised by content, not by file name: a Web API export of map
/// records, a bare map definition, a Data Integration project document, a connection set document, a solution's
/// Customizations.xml, or a solution .zip. Each becomes MapLint documents (tableMap, project, connectionSet,
/// entityMetadata) whose spans point into the user's file, so every rule runs on them unchanged.
/// </summary>
public static class ServiceDocuments
{
    // Words only the service's formats use; a file holding none of them is not read twice.
    private static readonly byte[][] Markers =
    [
        "msdyn_mapping"u8.ToArray(), "msdyn_dualwriteentitymap"u8.ToArray(), "\"entityMappingTasks\""u8.ToArray(),
        "\"dataPartitionMappings\""u8.ToArray(), "\"dualWriteDetail\""u8.ToArray(), "\"legs\""u8.ToArray(),
    ];

    /// <summary>
    /// The documents a service file holds, or null when the file is not one of the service's formats (it then
    /// takes the usual path). Problems of the file itself are reported into <paramref name="bag"/>.
    /// </summary>
    public static IReadOnlyList<MapLintDocument>? TryRead(string fullPath, string displayPath, byte[] bytes, DiagnosticBag bag)
    {
        if (SolutionReader.IsZip(bytes))
        {
            return fullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? null : SolutionReader.ReadZip(new WorkspaceFileInfo(fullPath, displayPath), bytes, bag);
        }

        bool json = fullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!json)
        {
            if (!SolutionReader.IsCustomizations(bytes))
            {
                return null;
            }

            var xml = SourceDecoder.Decode(bytes, bag);
            return xml is null ? [] : SolutionReader.ReadXml(new SourceFile(fullPath, displayPath, xml), bag, Deployment.OfCustomizations(new SourceFile(fullPath, displayPath, xml)));
        }

        if (!Markers.Any(m => bytes.AsSpan().IndexOf(m) >= 0) || ReaderBinding.PeekKind(bytes, complete: true) is not null)
        {
            return null;
        }

        var text = SourceDecoder.Decode(bytes, new DiagnosticBag(displayPath, null));
        if (text is null)
        {
            return null;
        }

        // The msdyn_mapping strings are most of an export's bytes and are decoded from the file's bytes, not from the
        // tree: the page is parsed with each blanked to a number, so they are never held as strings a second time.
        var mappings = WebApiExportReader.MappingLiterals(text.Utf8);
        var probe = new DiagnosticBag(displayPath, text);
        var parsed = mappings.Count == 0 ? text : new SourceText(WebApiExportReader.Blank(text.Utf8, mappings));
        if (JsonParser.Parse(parsed, probe) is not JsonObject root || probe.HasErrors || root.GetProperty("kind") is not null)
        {
            return null;
        }

        bag.Text = text;
        var file = new SourceFile(fullPath, displayPath, text);
        if (WebApiExportReader.IsExport(root))
        {
            return WebApiExportReader.Read(root, file, bag, mappings);
        }

        if (ProjectDocumentReader.IsProject(root))
        {
            return ProjectDocumentReader.Read(root, file, bag);
        }

        if (ConnectionSetDocumentReader.IsConnectionSet(root))
        {
            return [ConnectionSetDocumentReader.Read(root, file, bag)];
        }

        if (root.Get("legs") is JsonArray)
        {
            var name = NameReference.From(root.Get("name")) ?? new NameReference(Path.GetFileNameWithoutExtension(displayPath), root.AnchorSpan);
            return MapDefinitionReader.Read(root, Placement.InFile, name, file, bag, fullPath);
        }

        return null;
    }

    /// <summary>
    /// True for a file of map records only (a Web API export, Customizations.xml, a solution .zip): the engine loads
    /// it with the maps, each checked and compacted as soon as it is bound, rather than with the metadata. A
    /// project document (which carries metadata too) is not one.
    /// </summary>
    public static bool HoldsMapRecords(string fullPath, byte[] bytes) =>
        fullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? bytes.AsSpan().IndexOf("\"msdyn_mapping\""u8) >= 0 && bytes.AsSpan().IndexOf("\"entityMappingTasks\""u8) < 0
            : SolutionReader.IsZip(bytes) || SolutionReader.IsCustomizations(bytes);

    /// <summary>
    /// The map and field mapping a finding in a service record is about, as properties the text output prints:
    /// one line of minified JSON can hold a whole map, so a line and column alone do not say which.
    /// </summary>
    public static Diagnostic Describe(MapLintDocument? document, Diagnostic diagnostic)
    {
        if (document is not TableMap { Deployment: not null } map)
        {
            return diagnostic;
        }

        var properties = diagnostic.Properties.SetItem("map", map.Name);
        var span = diagnostic.Location.Span;
        if (map.Mappings.FirstOrDefault(m => m.Span.Start <= span.Start && span.End <= m.Span.End) is { } mapping)
        {
            properties = properties.SetItem("fieldMapping", mapping.Display);
        }

        return diagnostic.WithProperties(properties);
    }
}
