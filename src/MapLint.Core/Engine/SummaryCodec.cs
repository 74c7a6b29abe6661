using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Semantics;
using MapLint.Syntax;
using MapLint.Text;
using MapLint.Workspace;

namespace MapLint.Engine;

/// <summary>
/// A map file's summary as bytes for the cache: what its own rules used of the metadata (and the fingerprint of
/// that metadata when it was checked), its findings, each compacted map (the top of the document as syntax with
/// its spans, the kept mappings) and the plain columns. Positions come back from the file's own text.
/// </summary>
internal static class SummaryCodec
{
    public static byte[] Write(DocumentSummary summary, string dependencies)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            WriteUses(w, summary.Uses);
            w.Write(dependencies);
            WriteLineTable(w, summary.Text!);
            w.Write(summary.Findings.Count);
            foreach (var d in summary.Findings)
            {
                w.Write(d.Id);
                w.Write((int)d.Severity);
                WriteSpan(w, d.Location.Span);
                w.Write(d.Message);
                WriteOptional(w, d.JsonPath);
                w.Write(d.Properties.Count);
                foreach (var (key, value) in d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.Write(key);
                    w.Write(value);
                }
            }

            var maps = summary.Documents.Cast<TableMap>().ToList();
            w.Write(maps.Count);
            foreach (var map in maps)
            {
                WriteNode(w, map.Root);
                w.Write(map.Writes(MapSideRole.Source));
                w.Write(map.Writes(MapSideRole.Destination));
                WriteStrings(w, map.WrittenColumns(MapSideRole.Source));
                WriteStrings(w, map.WrittenColumns(MapSideRole.Destination));
                w.Write(map.Mappings.Count);
                foreach (var m in map.Mappings)
                {
                    WriteMapping(w, m);
                }

                WriteSideMetadata(w, map.Source.KnownMetadata);
                WriteSideMetadata(w, map.Destination.KnownMetadata);
            }

            w.Write(summary.Columns.Count);
            foreach (var c in summary.Columns)
            {
                w.Write(c.SourceApp);
                w.Write(c.SourceEntity);
                WriteStrings(w, c.Source);
                w.Write(c.DestinationApp);
                w.Write(c.DestinationEntity);
                WriteStrings(w, c.Destination);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A clean metadata file's entry: what it defines (app, entity names, organization lists), not the definitions.</summary>
    public static byte[] WriteMetadata(EntityMetadataDocument document)
    {
        var (names, setNames, legalEntities, businessUnits, declaresLegalEntities, declaresBusinessUnits) = DeferredMetadata.FactsOf(document);
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(document.App);
            WriteStrings(w, names);
            foreach (var set in setNames)
            {
                WriteOptional(w, set);
            }

            WriteStrings(w, legalEntities);
            WriteStrings(w, businessUnits);
            w.Write(declaresLegalEntities);
            w.Write(declaresBusinessUnits);
        }

        return buffer.ToArray();
    }

    /// <summary>The metadata file from its entry, its definitions read by <paramref name="load"/> when first asked for.</summary>
    public static DeferredMetadata ReadMetadata(byte[] payload, WorkspaceFile file, Func<string, IEnumerable<EntityDefinition>> load)
    {
        using var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        string app = r.ReadString();
        var names = ReadStrings(r);
        var setNames = names.Select(_ => ReadOptional(r)).ToList();
        var legalEntities = ReadStrings(r);
        var businessUnits = ReadStrings(r);
        bool declaresLegalEntities = r.ReadBoolean();
        bool declaresBusinessUnits = r.ReadBoolean();
        if (r.BaseStream.Position != payload.Length)
        {
            throw new FormatException("trailing bytes");
        }

        return new DeferredMetadata(file.FullPath, app, names, setNames, legalEntities, businessUnits, declaresLegalEntities, declaresBusinessUnits, load);
    }

    /// <summary>
    /// A clean metadata file's entity definitions as the cache keeps them beside its entry: each entity's
    /// definitions (file order) under its name, so a changed map reads the few it asks for and not the file.
    /// </summary>
    public static byte[] WriteDefinitions(EntityMetadataDocument document)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var groups = document.Entities.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
            w.Write(groups.Count);
            foreach (var group in groups)
            {
                using var one = new MemoryStream();
                using (var e = new BinaryWriter(one, Encoding.UTF8, leaveOpen: true))
                {
                    e.Write(group.Count());
                    foreach (var definition in group)
                    {
                        WriteDefinition(e, definition);
                    }
                }

                w.Write(group.Key.ToUpperInvariant());
                w.Write((int)one.Length);
                w.Write(one.GetBuffer(), 0, (int)one.Length);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Where each entity's definitions lie in <see cref="WriteDefinitions"/>'s bytes, by name (any case).</summary>
    public static Dictionary<string, ArraySegment<byte>> IndexDefinitions(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        int count = r.ReadInt32();
        var index = new Dictionary<string, ArraySegment<byte>>(count < 0 || count > bytes.Length ? throw new FormatException("bad count") : count, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < count; i++)
        {
            string name = r.ReadString();
            int length = r.ReadInt32();
            long start = r.BaseStream.Position;
            if (length < 0 || start + length > bytes.Length)
            {
                throw new FormatException("bad length");
            }

            index[name] = new ArraySegment<byte>(bytes, (int)start, length);
            r.BaseStream.Position = start + length;
        }

        return r.BaseStream.Position == bytes.Length ? index : throw new FormatException("trailing bytes");
    }

    /// <summary>One entity's definitions back, as parts of <paramref name="document"/> (the file's stand-in: its app, no text).</summary>
    public static List<EntityDefinition> ReadDefinitions(ArraySegment<byte> bytes, EntityMetadataDocument document)
    {
        using var r = new BinaryReader(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count), Encoding.UTF8);
        int count = r.ReadInt32();
        var definitions = new List<EntityDefinition>();
        for (int i = 0; i < count; i++)
        {
            definitions.Add(ReadDefinition(r, document));
        }

        return r.BaseStream.Position == bytes.Count ? definitions : throw new FormatException("trailing bytes");
    }

    // The values as the model resolved them, written so that binding them again resolves to the same.
    private static void WriteDefinition(BinaryWriter w, EntityDefinition definition)
    {
        w.Write(definition.Name);
        WriteSpan(w, definition.NameSpan);
        w.Write(definition.CompanyScope == CompanyScope.Company);
        w.Write(definition.CrossCompanyDataSharing);
        w.Write((byte)definition.TableType);
        w.Write(definition.HasVersionNumber);
        WriteOptional(w, definition.CompanyField);
        WriteOptional(w, definition.EntitySetName);
        w.Write(definition.Keys.Count);
        foreach (var key in definition.Keys)
        {
            WriteStrings(w, key);
        }

        w.Write(definition.Fields.Count);
        foreach (var field in definition.Fields)
        {
            w.Write(field.Name);
            w.Write((byte)field.Type);
            w.Write(field.MaxLength ?? long.MinValue);
            w.Write(field.Precision ?? long.MinValue);
            w.Write((byte)((field.Required ? 1 : 0) | (field.ReadOnly ? 2 : 0) | (field.Virtual ? 4 : 0)));
            WriteOptional(w, field.Target);
            WriteStrings(w, field.Targets);
            w.Write(field.Values is not null);
            if (field.Values is not null)
            {
                WriteStrings(w, field.Values);
            }
        }
    }

    private static EntityDefinition ReadDefinition(BinaryReader r, EntityMetadataDocument document)
    {
        string name = r.ReadString();
        var span = ReadSpan(r);
        var values = new EntityValues
        {
            CompanyScope = r.ReadBoolean() ? "company" : "global",
            CrossCompanyDataSharing = r.ReadBoolean(),
            TableType = r.ReadByte() switch
            {
                (byte)TableType.Standard => "standard",
                (byte)TableType.Virtual => "virtual",
                (byte)TableType.Elastic => "elastic",
                _ => throw new FormatException("bad table type"),
            },
            HasVersionNumber = r.ReadBoolean(),
            CompanyField = ReadOptional(r),
            EntitySetName = ReadOptional(r),
        };
        int keys = r.ReadInt32();
        values.Keys = [];
        for (int i = 0; i < keys; i++)
        {
            values.Keys.Add(ReadStrings(r));
        }

        int fields = r.ReadInt32();
        values.Fields = new FieldTable.Builder();
        if (fields < 0 || fields > r.BaseStream.Length)
        {
            throw new FormatException("bad count");
        }

        for (int i = 0; i < fields; i++)
        {
            string field = r.ReadString();
            byte type = r.ReadByte();
            long maxLength = r.ReadInt64();
            long precision = r.ReadInt64();
            byte flags = r.ReadByte();
            string? target = ReadOptional(r);
            var targets = ReadStrings(r);
            var listed = r.ReadBoolean() ? ReadStrings(r) : null;
            values.Fields.Add(field, new FieldValues
            {
                Type = type < FieldDefinition.TypeNames.Count ? FieldDefinition.TypeNames[type] : throw new FormatException("bad field type"),
                MaxLength = maxLength == long.MinValue ? null : maxLength,
                Precision = precision == long.MinValue ? null : precision,
                Required = (flags & 1) != 0,
                ReadOnly = (flags & 2) != 0,
                Virtual = (flags & 4) != 0,
                Target = target,
                Targets = targets.Count > 0 ? targets : null,
                Values = listed,
            });
        }

        return new EntityDefinition(document, name, span, values);
    }

    /// <summary>What the entry's rules used of the metadata, and the fingerprint it had then.</summary>
    public static (MetadataUse Uses, string Dependencies) ReadHead(byte[] payload)
    {
        using var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        return (ReadUses(r), r.ReadString());
    }

    /// <summary>The summary, with positions in <paramref name="text"/> (the file as read now); null when the entry does not fit.</summary>
    /// <remarks>
    /// The text is the one given (decoded from the bytes just read) or, when null, the text known by the entry's
    /// length and line table, its bytes read again through <paramref name="readAgain"/> only if a line is shown.
    /// </remarks>
    public static DocumentSummary? Read(byte[] payload, WorkspaceFile file, string contentHash, SourceText? given, Func<byte[]?>? readAgain)
    {
        using var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        var uses = ReadUses(r);
        r.ReadString();
        var cached = ReadLineTable(r, readAgain);
        var text = given ?? cached;
        if (text.Length != cached.Length)
        {
            return null;
        }
        int findingCount = r.ReadInt32();
        var findings = new List<Diagnostic>(findingCount);
        for (int i = 0; i < findingCount; i++)
        {
            string id = r.ReadString();
            var severity = (Severity)r.ReadInt32();
            var span = ReadSpan(r);
            string message = r.ReadString();
            string? path = ReadOptional(r);
            int propertyCount = r.ReadInt32();
            var properties = ImmutableDictionary.CreateBuilder<string, string>();
            for (int p = 0; p < propertyCount; p++)
            {
                properties[r.ReadString()] = r.ReadString();
            }

            if (AnalyzerCatalog.Find(id) is not { } descriptor || span.End > text.Length)
            {
                return null;
            }

            findings.Add(new Diagnostic(descriptor, new Location(file.DisplayPath, text, span), message, severity, path, properties.ToImmutable()));
        }

        var source = new SourceFile(file.FullPath, file.DisplayPath, text);
        int mapCount = r.ReadInt32();
        var documents = new List<MapLintDocument>(mapCount);
        for (int i = 0; i < mapCount; i++)
        {
            if (ReadNode(r) is not JsonObject root)
            {
                return null;
            }

            var map = new TableMap(source, root);
            bool writesSource = r.ReadBoolean();
            bool writesDestination = r.ReadBoolean();
            var writtenSource = ReadStrings(r).ToArray();
            var writtenDestination = ReadStrings(r).ToArray();
            int mappingCount = r.ReadInt32();
            var mappings = new List<FieldMapping>(mappingCount);
            for (int m = 0; m < mappingCount; m++)
            {
                mappings.Add(ReadMapping(r, map));
            }

            map.Restore(mappings, writesSource, writesDestination, writtenSource, writtenDestination);
            map.Source.KnownMetadata = ReadSideMetadata(r);
            map.Destination.KnownMetadata = ReadSideMetadata(r);
            documents.Add(map);
        }

        int columnCount = r.ReadInt32();
        var columns = new List<MapColumns>(columnCount);
        for (int i = 0; i < columnCount; i++)
        {
            columns.Add(new MapColumns(r.ReadString(), r.ReadString(), ReadStrings(r), r.ReadString(), r.ReadString(), ReadStrings(r)));
        }

        return new DocumentSummary(file, contentHash, text, documents, findings, uses, false, columns);
    }

    internal static void WriteLineTable(BinaryWriter w, SourceText text)
    {
        var (starts, ascii) = text.LineTable;
        w.Write(text.Length);
        w.Write(ascii);
        w.Write(starts.Length);
        int previous = 0;
        foreach (int start in starts)
        {
            WriteVarint(w, start - previous);
            previous = start;
        }
    }

    internal static SourceText ReadLineTable(BinaryReader r, Func<byte[]?>? readAgain)
    {
        int length = r.ReadInt32();
        bool ascii = r.ReadBoolean();
        int count = r.ReadInt32();
        if (length < 0 || count < 1 || count > length + 1)
        {
            throw new FormatException("bad line table");
        }

        var starts = new int[count];
        int offset = 0;
        for (int i = 0; i < count; i++)
        {
            int delta = ReadVarint(r);
            offset += delta;
            if ((i == 0 ? delta != 0 : delta <= 0) || offset > length)
            {
                throw new FormatException("bad line table");
            }

            starts[i] = offset;
        }

        return new SourceText(length, starts, ascii, readAgain);
    }

    private static void WriteVarint(BinaryWriter w, int value)
    {
        uint v = (uint)value;
        while (v >= 0x80)
        {
            w.Write((byte)(v | 0x80));
            v >>= 7;
        }

        w.Write((byte)v);
    }

    private static int ReadVarint(BinaryReader r)
    {
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = r.ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result > int.MaxValue ? throw new FormatException("bad varint") : (int)result;
            }
        }

        throw new FormatException("bad varint");
    }

    private static void WriteSideMetadata(BinaryWriter w, SideMetadata? known)
    {
        w.Write(known is not null);
        if (known is null)
        {
            return;
        }

        w.Write(known.EntityFound);
        w.Write(known.Keys.Count);
        foreach (var key in known.Keys)
        {
            WriteStrings(w, key);
        }

        WriteOptional(w, known.CompanyField);
        w.Write(known.LookupColumns.Count);
        foreach (var (column, targets) in known.LookupColumns.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            w.Write(column);
            w.Write(targets is not null);
            if (targets is not null)
            {
                WriteStrings(w, targets);
            }
        }
    }

    private static SideMetadata? ReadSideMetadata(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        bool found = r.ReadBoolean();
        int keyCount = r.ReadInt32();
        var keys = new List<IReadOnlyList<string>>(keyCount);
        for (int i = 0; i < keyCount; i++)
        {
            keys.Add(ReadStrings(r));
        }

        string? company = ReadOptional(r);
        int columnCount = r.ReadInt32();
        var columns = new Dictionary<string, IReadOnlyList<string>?>(columnCount, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columnCount; i++)
        {
            string column = r.ReadString();
            columns[column] = r.ReadBoolean() ? ReadStrings(r) : null;
        }

        return new SideMetadata(found, keys, company, columns);
    }

    private static void WriteMapping(BinaryWriter w, FieldMapping m)
    {
        w.Write(m.Index);
        w.Write(m.ArrayIndex);
        WriteSpan(w, m.Span);
        w.Write((int)m.Direction);
        WriteSpan(w, m.DirectionSpan);
        WriteField(w, m.Source);
        WriteField(w, m.Destination);
        w.Write(m.Transform is not null);
        if (m.Transform is { } transform)
        {
            w.Write(transform.HasDefault);
            w.Write(transform.ValueMap is not null);
            if (transform.ValueMap is { } entries)
            {
                w.Write(entries.Count);
                foreach (var e in entries)
                {
                    w.Write(e.Source);
                    w.Write(e.Destination);
                    WriteAnchor(w, e.SourceAnchor);
                    WriteAnchor(w, e.DestinationAnchor);
                }
            }

            w.Write(transform.ValueMapAnchor is not null);
            if (transform.ValueMapAnchor is { } anchor)
            {
                WriteAnchor(w, anchor);
            }
        }

        w.Write(m.Suppressions.Count);
        foreach (var s in m.Suppressions)
        {
            w.Write(s.Rule);
            w.Write(s.Justification);
            WriteSpan(w, s.RuleSpan);
            w.Write(s.RulePath);
        }
    }

    private static FieldMapping ReadMapping(BinaryReader r, TableMap map)
    {
        int index = r.ReadInt32();
        int arrayIndex = r.ReadInt32();
        var values = new MappingValues { Span = ReadSpan(r) };
        var direction = (MapDirection)r.ReadInt32();
        values.Direction = (direction, ReadSpan(r));
        values.Source = ReadField(r);
        values.Destination = ReadField(r);
        if (r.ReadBoolean())
        {
            values.HasTransform = true;
            values.HasDefault = r.ReadBoolean();
            if (r.ReadBoolean())
            {
                int count = r.ReadInt32();
                values.ValueMap = new List<ValueMapEntry>(count);
                for (int i = 0; i < count; i++)
                {
                    values.ValueMap.Add(new ValueMapEntry(r.ReadString(), r.ReadString(), ReadAnchor(r), ReadAnchor(r)));
                }
            }

            if (r.ReadBoolean())
            {
                values.ValueMapAnchor = ReadAnchor(r);
            }
        }

        int suppressions = r.ReadInt32();
        if (suppressions > 0)
        {
            values.Suppressions = [];
            for (int i = 0; i < suppressions; i++)
            {
                values.Suppressions.Add((r.ReadString(), r.ReadString(), ReadSpan(r), r.ReadString()));
            }
        }

        return new FieldMapping(map, index, arrayIndex, values);
    }

    private static void WriteField(BinaryWriter w, FieldReference? field)
    {
        w.Write(field is not null);
        if (field is not null)
        {
            w.Write(field.Text);
            WriteSpan(w, field.Span);
        }
    }

    private static (string Text, TextSpan Span)? ReadField(BinaryReader r) => r.ReadBoolean() ? (r.ReadString(), ReadSpan(r)) : null;

    private static void WriteAnchor(BinaryWriter w, SyntaxAnchor anchor)
    {
        WriteSpan(w, anchor.Span);
        w.Write(anchor.Path);
    }

    private static SyntaxAnchor ReadAnchor(BinaryReader r) => new(ReadSpan(r), r.ReadString());

    /// <summary>A node and what is under it, with spans: what a map keeps of its syntax (the top of the document).</summary>
    private static void WriteNode(BinaryWriter w, JsonNode node)
    {
        w.Write((byte)node.Kind);
        WriteSpan(w, node.Span);
        switch (node)
        {
            case JsonObject o:
                w.Write(o.Properties.Count);
                foreach (var p in o.Properties)
                {
                    w.Write(p.Name);
                    WriteSpan(w, p.NameSpan);
                    WriteNode(w, p.Value);
                }

                break;
            case JsonArray a:
                w.Write(a.Items.Count);
                foreach (var item in a.Items)
                {
                    WriteNode(w, item);
                }

                break;
            case JsonString s:
                w.Write(s.Value);
                break;
            case JsonNumber n:
                w.Write(n.Raw);
                break;
        }
    }

    private static JsonNode ReadNode(BinaryReader r)
    {
        var kind = (JsonNodeKind)r.ReadByte();
        var span = ReadSpan(r);
        switch (kind)
        {
            case JsonNodeKind.Object:
                var o = new JsonObject(span);
                int properties = r.ReadInt32();
                for (int i = 0; i < properties; i++)
                {
                    string name = r.ReadString();
                    var nameSpan = ReadSpan(r);
                    var value = ReadNode(r);
                    var property = new JsonProperty(name, nameSpan, value);
                    value.Parent = o;
                    value.Name = name;
                    if (value is JsonObject child)
                    {
                        child.OwnerProperty = property;
                    }

                    o.Add(property);
                }

                return o;
            case JsonNodeKind.Array:
                var a = new JsonArray(span);
                int items = r.ReadInt32();
                for (int i = 0; i < items; i++)
                {
                    var item = ReadNode(r);
                    item.Parent = a;
                    item.Index = i;
                    a.Add(item);
                }

                return a;
            case JsonNodeKind.String:
                return new JsonString(r.ReadString(), span);
            case JsonNodeKind.Number:
                return new JsonNumber(r.ReadString(), span);
            case JsonNodeKind.True or JsonNodeKind.False or JsonNodeKind.Null:
                return new JsonLiteral(kind, span);
            default:
                throw new FormatException("unknown node kind");
        }
    }

    private static void WriteUses(BinaryWriter w, MetadataUse uses)
    {
        w.Write(uses.Entities.Count);
        foreach (var (app, entity) in uses.Entities)
        {
            w.Write(app);
            w.Write(entity);
        }

        WriteStrings(w, uses.Apps.ToList());
        w.Write(uses.Organization);
    }

    private static MetadataUse ReadUses(BinaryReader r)
    {
        int count = r.ReadInt32();
        var entities = new List<(string, string)>(count);
        for (int i = 0; i < count; i++)
        {
            entities.Add((r.ReadString(), r.ReadString()));
        }

        var apps = ReadStrings(r);
        bool organization = r.ReadBoolean();
        return entities.Count == 0 && apps.Count == 0 && !organization ? MetadataUse.None : new MetadataUse(entities, apps, organization);
    }

    internal static void WriteStrings(BinaryWriter w, IReadOnlyList<string> strings)
    {
        w.Write(strings.Count);
        foreach (var s in strings)
        {
            w.Write(s);
        }
    }

    internal static List<string> ReadStrings(BinaryReader r)
    {
        int count = r.ReadInt32();
        var result = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            result.Add(r.ReadString());
        }

        return result;
    }

    internal static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    internal static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    internal static void WriteSpan(BinaryWriter w, TextSpan span)
    {
        w.Write(span.Start);
        w.Write(span.End);
    }

    internal static TextSpan ReadSpan(BinaryReader r)
    {
        int start = r.ReadInt32();
        int end = r.ReadInt32();
        return start < 0 || end < start ? throw new FormatException("bad span") : new TextSpan(start, end);
    }
}

/// <summary>
/// Fingerprints for the cache: of the run's configuration, and of the metadata and connection sets a document
/// used (by the content hashes of the files that define what it looked up).
/// </summary>
internal sealed class CacheKeys
{
    private readonly string configuration;
    private readonly Dictionary<(string, string), string> definedIn = new(PairIgnoreCase.Instance);
    private readonly Dictionary<string, string> ofApp = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> appsWithExports = new(StringComparer.OrdinalIgnoreCase);
    private readonly string allMetadata;
    private readonly string connectionSets;

    public CacheKeys(LintOptions options, bool hasMetadata, IEnumerable<DocumentSummary> others, IEnumerable<(string App, string Hash)> exports)
    {
        configuration = Hash(Configuration(options) + "\n" + (hasMetadata ? "metadata" : "no metadata"));
        var appFiles = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var metadataFiles = new List<string>();
        var sets = new List<string>();
        foreach (var summary in others)
        {
            if (summary.Metadata is { } deferred)
            {
                // Known by its names from the cache: the same fingerprint as its loaded document's.
                foreach (string entity in deferred.EntityNames)
                {
                    definedIn.TryAdd((deferred.App, entity), summary.ContentHash);
                }

                Add(appFiles, deferred.App, summary.ContentHash);
                metadataFiles.Add(summary.ContentHash);
            }

            foreach (var document in summary.Documents)
            {
                switch (document)
                {
                    case EntityMetadataDocument metadata when !summary.IsMetadataExport:
                        foreach (var entity in metadata.Entities)
                        {
                            definedIn.TryAdd((metadata.App, entity.Name), summary.ContentHash);
                        }

                        Add(appFiles, metadata.App, summary.ContentHash);
                        metadataFiles.Add(summary.ContentHash);
                        break;
                    case ConnectionSet:
                        sets.Add(summary.ContentHash);
                        break;
                }
            }
        }

        foreach (var (app, hash) in exports)
        {
            appsWithExports.Add(app);
            Add(appFiles, app, hash);
            metadataFiles.Add(hash);
        }

        foreach (var (app, files) in appFiles)
        {
            ofApp[app] = Hash(string.Join(",", files));
        }

        allMetadata = Hash(string.Join(",", metadataFiles));
        connectionSets = Hash(string.Join(",", sets));

        static void Add(Dictionary<string, List<string>> byApp, string app, string hash)
        {
            if (!byApp.TryGetValue(app, out var list))
            {
                byApp[app] = list = [];
            }

            list.Add(hash);
        }
    }

    /// <summary>
    /// Where a metadata file's entry is kept: its content and extension under this build of MapLint and file-size
    /// limit (what it defines depends on nothing else; the definitions themselves are read again when used).
    /// </summary>
    /// <summary>What of the options every finding may depend on: the size limit, the severities, cross-company sharing.</summary>
    public static string Configuration(LintOptions options) => string.Join(
        "\n",
        options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string.Join(",", options.Config.Severities.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => s.Key.ToUpperInvariant() + "=" + s.Value)),
        string.Join(",", options.Config.CrossCompanyDataSharing.Order(StringComparer.Ordinal)));

    public static string MetadataEntryKey(LintOptions options, WorkspaceFile file, string contentHash) =>
        Hash(SummaryCache.Stamp + "\nmetadata\n" + options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n" + Path.GetExtension(file.FullPath).ToLowerInvariant() + "\n" + contentHash);

    /// <summary>Where a file's entry is kept: its content under this configuration and build of MapLint.</summary>
    public string EntryKey(string contentHash) => Hash(SummaryCache.Stamp + "\n" + configuration + "\n" + contentHash);

    /// <summary>The fingerprint of what the uses name, as the workspace holds it now.</summary>
    public string Dependencies(MetadataUse uses)
    {
        var builder = new StringBuilder(connectionSets);
        foreach (var (app, entity) in uses.Entities)
        {
            string hash = !appsWithExports.Contains(app) && definedIn.TryGetValue((app, entity), out var file) ? file : ofApp.GetValueOrDefault(app, "-");
            builder.Append('\n').Append(app).Append('|').Append(entity.ToUpperInvariant()).Append('=').Append(hash);
        }

        foreach (var app in uses.Apps)
        {
            builder.Append("\napp ").Append(app).Append('=').Append(ofApp.GetValueOrDefault(app, "-"));
        }

        if (uses.Organization)
        {
            builder.Append("\norganization=").Append(allMetadata);
        }

        return Hash(builder.ToString());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
