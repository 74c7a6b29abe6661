using System.IO.Compression;
using System.Text;
using System.Xml;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// Dual-write maps in a Dataverse solution: the <c>msdyn_dualwriteentitymap</c> records under
/// <c>msdyn_dualwriteentitymaps</c> in Customizations.xml (MicrosoftDocs/powerapps-docs issue #4474: a child of
/// ImportExportXml the official XSD lacks). No public unpacked example exists, so the reader keys on what is
/// attested (the record element and its msdyn_mapping column) and reads each column from a child element or an
/// attribute of that name, the usual serialization of solution records. XML is read without DTD processing and
/// without a resolver; a zipped solution is read in memory with limits, and nothing is ever extracted.
/// </summary>
internal static class SolutionReader
{
    private const string RecordElement = "msdyn_dualwriteentitymap";
    private const long MaxEntryBytes = 64L * 1024 * 1024;
    private const long MaxTotalBytes = 256L * 1024 * 1024;
    private const int MaxEntries = 10_000;
    private const int MaxRatio = 200;

    public static bool IsZip(byte[] bytes) =>
        bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));

    /// <summary>XML that holds dual-write map records, or is a solution's Customizations.xml (which may hold none).</summary>
    public static bool IsCustomizations(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 4096));
        // A document type declaration names the root too, and its internal subset can push the root past the
        // first 4 KB: such a file is read as a solution's so that its DTD is reported, not skipped as other XML.
        return head.IndexOf("<ImportExportXml"u8) >= 0 || head.IndexOf("<!DOCTYPE ImportExportXml"u8) >= 0
            || (head.IndexOf((byte)'<') >= 0 && bytes.AsSpan().IndexOf("<msdyn_dualwriteentitymap"u8) >= 0);
    }

    public static List<MapLintDocument> ReadXml(SourceFile file, DiagnosticBag bag, string deployment)
    {
        var bytes = file.Text.Utf8;
        if (Declaration(bytes) is { } dtd)
        {
            bag.Add(ServiceRecordRules.UnsafeXml, dtd.Span, null, dtd.Entities ? " with entity declarations" : string.Empty);
            return [];
        }

        var records = new List<RawMapRecord>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = MaxEntryBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            var lines = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == RecordElement)
                {
                    records.Add(Record(reader, lines, file.Text));
                }
            }
        }
        catch (XmlException ex)
        {
            int offset = Offset(file.Text, ex.LineNumber, ex.LinePosition);
            if (XmlProblem.DeclaresDtd(ex))
            {
                bag.Add(ServiceRecordRules.UnsafeXml, new TextSpan(offset, offset), null, string.Empty);
            }
            else
            {
                bag.Add(ServiceRecordRules.MalformedXml, new TextSpan(offset, offset), null, Sentence(XmlProblem.Describe(ex)));
            }

            return [];
        }

        return MapRecordReader.Read(records, file, bag, deployment);
    }

    /// <summary>A solution .zip read in place: its customizations.xml, in memory, within limits.</summary>
    public static List<MapLintDocument> ReadZip(WorkspaceFileInfo zip, byte[] bytes, DiagnosticBag bag)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                bag.Add(ServiceRecordRules.ZipTooLarge, default, null, $"has {archive.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} entries, over the limit of {MaxEntries.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}");
                return [];
            }

            long total = 0;
            ZipArchiveEntry? customizations = null;
            foreach (var entry in archive.Entries)
            {
                if (!IsSafe(entry.FullName))
                {
                    bag.Add(ServiceRecordRules.UnsafeZipPath, default, null, entry.FullName);
                    continue;
                }

                total += entry.Length;
                if (entry.Length > MaxEntryBytes || total > MaxTotalBytes || (entry.Length > 1024 * 1024 && entry.Length / Math.Max(1, entry.CompressedLength) > MaxRatio))
                {
                    bag.Add(ServiceRecordRules.ZipTooLarge, default, null, $"entry '{entry.FullName}' expands to {entry.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes from {entry.CompressedLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} (limits: 64 MB per entry, 256 MB in all, {MaxRatio}:1)");
                    return [];
                }

                if (customizations is null && (entry.FullName.Equals("customizations.xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.Equals("Other/Customizations.xml", StringComparison.OrdinalIgnoreCase)))
                {
                    customizations = entry;
                }
            }

            if (customizations is null)
            {
                // Not a solution: a zip of something else is not MapLint's.
                return [];
            }

            if (IsEncrypted(customizations))
            {
                bag.Add(ServiceRecordRules.EncryptedZip, default, null, customizations.FullName);
                return [];
            }

            var content = ReadEntry(customizations);
            if (content is null)
            {
                bag.Add(ServiceRecordRules.ZipTooLarge, default, null, $"entry '{customizations.FullName}' expands beyond its declared size or 64 MB");
                return [];
            }

            // Findings from here on are the entry's: its path (solution.zip!/customizations.xml) and its text.
            bag.Path = zip.DisplayPath + "!/" + customizations.FullName;
            var text = SourceDecoder.Decode(content, bag);
            return text is null ? [] : ReadXml(new SourceFile(zip.FullPath + "!/" + customizations.FullName, bag.Path, text), bag, zip.FullPath);
        }
        // MapLint's words, never the zip library's: its texts are not ours to promise, differ by runtime and
        // version, and an entry's name or comment in them is the archive's content.
        catch (InvalidDataException)
        {
            bag.Add(ServiceRecordRules.CorruptZip, default, null, "its directory or an entry is damaged (a download cut short, or a file that is not a zip).");
        }
        catch (NotSupportedException)
        {
            bag.Add(ServiceRecordRules.CorruptZip, default, null, "an entry uses a compression method or a feature zip readers do not support.");
        }
        catch (IOException)
        {
            bag.Add(ServiceRecordRules.CorruptZip, default, null, "an entry cannot be read to its end.");
        }

        return [];
    }

#if NET
    private static bool IsEncrypted(ZipArchiveEntry entry) => entry.IsEncrypted;
#else
    // .NET Framework has no IsEncrypted; opening an encrypted entry fails there and is reported as unreadable.
    private static bool IsEncrypted(ZipArchiveEntry entry) => false;
#endif

    private static byte[]? ReadEntry(ZipArchiveEntry entry)
    {
        // The declared size is not trusted: reading stops one byte past it or past the limit.
        long cap = Math.Min(entry.Length, MaxEntryBytes);
        using var stream = entry.Open();
        var buffer = new MemoryStream((int)Math.Min(cap, 1 << 20));
        var chunk = new byte[81920];
        for (int n; (n = stream.Read(chunk, 0, chunk.Length)) > 0;)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > cap)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static bool IsSafe(string name)
    {
        string normalized = name.Replace('\\', '/');
        return !(normalized.StartsWith('/') || normalized.Contains(':', StringComparison.Ordinal) || normalized.Split('/').Any(s => s == ".."));
    }

    /// <summary>A &lt;!DOCTYPE or &lt;!ENTITY anywhere before the root element's content: never processed, reported.</summary>
    private static (TextSpan Span, bool Entities)? Declaration(byte[] bytes)
    {
        int doctype = bytes.AsSpan().IndexOf("<!DOCTYPE"u8);
        int entity = bytes.AsSpan().IndexOf("<!ENTITY"u8);
        int at = doctype >= 0 ? doctype : entity;
        return at < 0 ? null : (new TextSpan(at, at + (doctype >= 0 ? 9 : 8)), entity >= 0);
    }

    private static RawMapRecord Record(XmlReader reader, IXmlLineInfo lines, SourceText text)
    {
        int start = Offset(text, lines.LineNumber, lines.LinePosition) - 1;
        var columns = new Dictionary<string, (string Value, EmbeddedText Text, TextSpan Span)>(StringComparer.OrdinalIgnoreCase);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                int at = Offset(text, lines.LineNumber, lines.LinePosition);
                int quote = IndexOfAny(text.Utf8, at, (byte)'"', (byte)'\'');
                int close = quote < 0 ? -1 : Array.IndexOf(text.Utf8, text.Utf8[quote], quote + 1);
                if (quote >= 0 && close > quote)
                {
                    var content = EmbeddedText.FromXmlContent(text.Utf8, quote + 1, close);
                    columns.TryAdd(reader.LocalName, (reader.Value, Checked(content, reader.Value, quote + 1), new TextSpan(quote, close + 1)));
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        int end = start;
        if (!reader.IsEmptyElement)
        {
            int depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    string name = reader.LocalName;
                    int tagStart = Offset(text, lines.LineNumber, lines.LinePosition) - 1;
                    int contentStart = EndOfTag(text.Utf8, tagStart);
                    if (reader.IsEmptyElement)
                    {
                        columns.TryAdd(name, (string.Empty, EmbeddedText.FromXmlContent(text.Utf8, contentStart, contentStart), new TextSpan(tagStart, contentStart)));
                        continue;
                    }

                    var value = new StringBuilder();
                    int childDepth = reader.Depth;
                    while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == childDepth))
                    {
                        if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                        {
                            value.Append(reader.Value);
                        }
                    }

                    int contentEnd = Offset(text, lines.LineNumber, lines.LinePosition) - 2;
                    var content = EmbeddedText.FromXmlContent(text.Utf8, contentStart, Math.Max(contentStart, contentEnd));
                    columns.TryAdd(name, (value.ToString(), Checked(content, value.ToString(), contentStart), new TextSpan(contentStart, Math.Max(contentStart, contentEnd))));
                }
            }

            end = EndOfTag(text.Utf8, Offset(text, lines.LineNumber, lines.LinePosition) - 2);
        }
        else
        {
            end = EndOfTag(text.Utf8, start);
        }

        NameReference? Column(string name) => columns.TryGetValue(name, out var c) && c.Value.Trim().Length > 0 ? new NameReference(c.Value.Trim(), Trimmed(c.Span, c.Text, c.Value)) : null;
        var recordName = Column("msdyn_name") ?? Column("msdyn_displayname") ?? Column("msdyn_dualwriteentitymapid") ?? new NameReference("(unnamed record)", new TextSpan(start, start + 1 + RecordElement.Length));
        bool? managed = Column("ismanaged")?.Value switch { "1" or "true" => true, "0" or "false" => false, _ => null };
        columns.TryGetValue("msdyn_mapping", out var mapping);
        return new RawMapRecord
        {
            Facts = new MapRecord
            {
                Name = recordName,
                DisplayName = Column("msdyn_displayname") ?? recordName,
                Id = Column("msdyn_dualwriteentitymapid")?.Value,
                Version = Column("msdyn_version"),
                IsManaged = managed,
                ManagedSpan = Column("ismanaged")?.Span ?? recordName.Span,
                StateCode = int.TryParse(Column("statecode")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int state) ? state : null,
                CreatedOn = Column("createdon")?.Value,
                Span = new TextSpan(start, end),
            },
            Mapping = mapping.Text,
            MappingSpan = mapping.Text is null ? new TextSpan(start, start + 1 + RecordElement.Length) : mapping.Span,
            MappingState = "missing",
        };
    }

    /// <summary>The decoded content if it agrees with the XML reader's value, else the reader's value placed at the content start.</summary>
    private static EmbeddedText Checked(EmbeddedText content, string value, int at) =>
        Encoding.UTF8.GetString(content.Utf8) == value ? content : EmbeddedText.Flat(Encoding.UTF8.GetBytes(value), at);

    private static TextSpan Trimmed(TextSpan span, EmbeddedText text, string value)
    {
        int lead = value.Length - value.TrimStart().Length;
        int trail = value.Length - value.TrimEnd().Length;
        int leadBytes = Encoding.UTF8.GetByteCount(value.AsSpan(0, lead));
        int endBytes = Encoding.UTF8.GetByteCount(value.AsSpan(0, value.Length - trail));
        return TextSpan.FromBounds(text.ToFile(leadBytes), text.ToFile(endBytes));
    }

    /// <summary>The byte offset of a 1-based line and character position as XmlReader counts them.</summary>
    private static int Offset(SourceText text, int line, int position) => text.GetOffset(line, position);

    /// <summary>The offset just past the '&gt;' closing the tag that starts at <paramref name="start"/>, quotes respected.</summary>
    private static int EndOfTag(byte[] bytes, int start)
    {
        byte quote = 0;
        for (int i = Math.Max(0, start); i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (quote != 0)
            {
                if (b == quote)
                {
                    quote = 0;
                }
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
            else if (b == (byte)'>')
            {
                return i + 1;
            }
        }

        return bytes.Length;
    }

    private static int IndexOfAny(byte[] bytes, int start, byte a, byte b)
    {
        int i = bytes.AsSpan(Math.Min(start, bytes.Length)).IndexOfAny(a, b);
        return i < 0 ? -1 : start + i;
    }

    private static string Sentence(string message)
    {
        message = message.Trim();
        return message.EndsWith('.') ? message : message + ".";
    }
}

/// <summary>The path of a file as the readers need it, independent of the workspace types.</summary>
internal readonly record struct WorkspaceFileInfo(string FullPath, string DisplayPath);
