using System.Text.RegularExpressions;
using System.Xml;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace MapLint.Metadata;

/// <summary>
/// Reads the finance and operations OData $metadata document (CSDL/EDMX) with Microsoft.OData.Edm: each entity
/// set becomes an entity (named by the set, as dual-write maps name them) with its properties, Edm types, the
/// Dynamics annotations (IsRequired, AllowEdit, AllowEditOnCreate, AXType) and key; <c>dataAreaId</c> in the key marks it company-specific; enums become value lists.
/// Cross-company data sharing is not in $metadata and comes from configuration. Every finding points at the element
/// or attribute of the file it is about, as XmlReader counts lines and columns (IXmlLineInfo).
/// </summary>
public static class FinanceOperationsMetadataReader
{
    public static bool IsExport(byte[] bytes)
    {
        int length = Math.Min(bytes.Length, 4096);
        string head = System.Text.Encoding.UTF8.GetString(bytes, 0, length);
        // A document type declaration before the root names it too (and can push the root past the first
        // 4 KB): such a file is read as $metadata so that its DTD is reported, not skipped as some other XML.
        return head.Contains("<edmx:Edmx", StringComparison.Ordinal) || head.Contains("<Edmx", StringComparison.Ordinal)
            || head.Contains("<!DOCTYPE edmx:Edmx", StringComparison.Ordinal) || head.Contains("<!DOCTYPE Edmx", StringComparison.Ordinal);
    }

    public static MetadataExport? Read(byte[] bytes, DiagnosticBag bag, IReadOnlyCollection<string> crossCompanyDataSharing, MetadataDemand? demand = null)
    {
        // Findings are placed in the file's own text (its byte order mark stripped, as XmlReader counts columns).
        // Bytes that are not UTF-8 text keep the old place, the file's start: XmlReader still reads what it can.
        var text = bag.Text ?? SourceDecoder.Decode(bytes, new DiagnosticBag(bag.Path, null));
        bag.Text ??= text;

        // Microsoft.OData.Edm throws on annotation shapes it does not expect (a NullReferenceException in its enum
        // member validation, for one): MapLint reads the annotations itself, hands the library the structure
        // without them, and turns anything the library still throws into a finding instead of a crash.
        try
        {
            return ReadStructure(bytes, bag, text, crossCompanyDataSharing, demand);
        }
        catch (XmlException ex)
        {
            // The position goes into the finding's location; the words are MapLint's, never the reader's.
            bag.Add(MetadataRules.UnreadableExport, At(text, ex.LineNumber, ex.LinePosition), null, $"$metadata is not well-formed XML: {Text.XmlProblem.Describe(ex)}; export it again from /data/$metadata.");
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            bag.Add(MetadataRules.UnreadableExport, default, null, $"$metadata could not be read ({ex.GetType().Name}); check that it is the document the /data/$metadata endpoint returns.");
            return null;
        }
    }

    /// <summary>Where a finding about the XML at a 1-based line and column goes: an empty span there (the file's start when unknown).</summary>
    private static TextSpan At(SourceText? text, int line, int column)
    {
        if (text is null || line <= 0)
        {
            return default;
        }

        int offset = text.GetOffset(line, column);
        return new TextSpan(offset, offset);
    }

    /// <summary>The element whose name starts at the position (XmlReader's, just after '&lt;'): the tag's name, '&lt;' included.</summary>
    private static TextSpan ElementAt(SourceText? text, XmlPosition position)
    {
        if (text is null || position.Line <= 0)
        {
            return default;
        }

        int start = text.GetOffset(position.Line, position.Column);
        var bytes = text.Utf8;
        int end = start;
        while (end < bytes.Length && bytes[end] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/' or (byte)'>'))
        {
            end++;
        }

        return TextSpan.FromBounds(Math.Max(0, start - 1), end);
    }

    /// <summary>The value of the attribute whose name starts at the position, its quotes included (the name when the value cannot be found).</summary>
    private static TextSpan AttributeValueAt(SourceText? text, XmlPosition position)
    {
        if (text is null || position.Line <= 0)
        {
            return default;
        }

        int start = text.GetOffset(position.Line, position.Column);
        var bytes = text.Utf8;
        int i = start;
        while (i < bytes.Length && bytes[i] != (byte)'=' && bytes[i] != (byte)'>')
        {
            i++;
        }

        while (i < bytes.Length && bytes[i] is not ((byte)'"' or (byte)'\'' or (byte)'>'))
        {
            i++;
        }

        if (i >= bytes.Length || bytes[i] == (byte)'>')
        {
            return new TextSpan(start, start);
        }

        byte quote = bytes[i];
        int close = Array.IndexOf(bytes, quote, i + 1);
        return close < 0 ? new TextSpan(start, start) : TextSpan.FromBounds(i, close + 1);
    }

    /// <summary>A 1-based line and column as XmlReader reports them (0 when unknown).</summary>
    internal readonly record struct XmlPosition(int Line, int Column)
    {
        public static XmlPosition Of(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? new(info.LineNumber, info.LinePosition) : default;
    }

    /// <summary>Where the parts of the original file are that findings point at, gathered while the copy is made.</summary>
    private sealed class Positions
    {
        /// <summary>The original position of the element that starts each line of the copy (index: the copy's 1-based line).</summary>
        public List<XmlPosition> ElementOfCopyLine { get; } = [default, default];

        /// <summary>The <c>Type</c> attribute of each kept property, by entity type and property name.</summary>
        public Dictionary<(string Type, string Property), XmlPosition> PropertyTypes { get; } = new();

        /// <summary>The <c>Name</c> attribute of each kept entity set.</summary>
        public Dictionary<string, XmlPosition> EntitySets { get; } = new(StringComparer.Ordinal);

        public XmlPosition Original(EdmLocation? location) =>
            location is Microsoft.OData.Edm.Csdl.CsdlLocation { LineNumber: > 0 } csdl && csdl.LineNumber < ElementOfCopyLine.Count ? ElementOfCopyLine[csdl.LineNumber] : default;
    }

    private static MetadataExport? ReadStructure(byte[] bytes, DiagnosticBag bag, SourceText? text, IReadOnlyCollection<string> crossCompanyDataSharing, MetadataDemand? demand)
    {
        // Building the full model of a 2,000-entity $metadata costs most of a second: keep only what the maps use.
        var positions = new Positions();
        var (source, annotations) = Reduce(bytes, demand?.FinanceAndOperations, positions);
        IEdmModel model;
        using (var reader = XmlReader.Create(new MemoryStream(source), ReaderSettings))
        {
            if (!CsdlReader.TryParse(reader, out model, out IEnumerable<EdmError> errors))
            {
                foreach (var error in errors.Take(20))
                {
                    // The library's location is in the copy it was given: each element of the copy starts a line of its own.
                    bag.Add(MetadataRules.UnreadableExport, ElementAt(text, positions.Original(error.ErrorLocation)), null, $"$metadata does not parse: {error.ErrorMessage}");
                }

                return null;
            }
        }

        var shared = new HashSet<string>(crossCompanyDataSharing, StringComparer.OrdinalIgnoreCase);
        var entities = new List<ExportedEntity>();
        foreach (var set in model.EntityContainer?.EntitySets() ?? [])
        {
            if (set.Type is not IEdmCollectionType { ElementType.Definition: IEdmEntityType type })
            {
                continue;
            }

            var entity = new ExportedEntity(set.Name)
            {
                CrossCompanyDataSharing = shared.Contains(set.Name),
                Span = AttributeValueAt(text, positions.EntitySets.GetValueOrDefault(set.Name)),
            };
            var key = (type.Key() ?? []).Select(p => p.Name).ToList();
            if (key.Count > 0)
            {
                entity.Keys.Add(key);
            }

            if (key.Any(k => string.Equals(k, "dataAreaId", StringComparison.OrdinalIgnoreCase)))
            {
                entity.CompanyScope = CompanyScope.Company;
                entity.CompanyField = key.First(k => string.Equals(k, "dataAreaId", StringComparison.OrdinalIgnoreCase));
            }

            foreach (var property in type.StructuralProperties())
            {
                var reference = property.Type;
                var field = Field(property.Name, reference, annotations.GetValueOrDefault((type.Name, property.Name)));
                if (field is null)
                {
                    bag.Add(MetadataRules.UnsupportedAttribute, AttributeValueAt(text, positions.PropertyTypes.GetValueOrDefault((type.Name, property.Name))), null, $"'{set.Name}.{property.Name}' has type '{reference.FullName()}', which MapLint does not model; the field is left out of the metadata.");
                    continue;
                }

                entity.Fields[property.Name] = field;
            }

            entities.Add(entity);
        }

        return new MetadataExport(Apps.FinanceAndOperations, entities);
    }

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>What a property's <c>Microsoft.Dynamics.OData.Core.V1</c> annotations say; null where they are silent.</summary>
    internal sealed record PropertyAnnotations(bool? IsRequired, bool? AllowEdit, bool? AllowEditOnCreate, string? AXType);

    private const string DynamicsTerms = "Microsoft.Dynamics.OData.Core.V1.";

    /// <summary>
    /// One streaming pass: a copy of the CSDL with only the wanted entity sets and their entity types (all of them
    /// when <paramref name="wantedSets"/> is null; enum and complex types kept, text kept, annotations and
    /// navigation properties dropped), and the Dynamics annotations of every kept property, read as written:
    /// an annotation MapLint cannot read is ignored, never an error.
    /// </summary>
    private static (byte[] Copy, Dictionary<(string Type, string Property), PropertyAnnotations> Annotations) Reduce(byte[] bytes, IReadOnlyCollection<string>? wantedSets, Positions positions)
    {
        HashSet<string>? types = null;
        if (wantedSets is not null)
        {
            types = new HashSet<string>(StringComparer.Ordinal);
            using var scan = XmlReader.Create(new MemoryStream(bytes), ReaderSettings);
            while (scan.Read())
            {
                if (scan.NodeType == XmlNodeType.Element && scan.LocalName == "EntitySet" && scan.GetAttribute("Name") is { } set && wantedSets.Contains(set) && scan.GetAttribute("EntityType") is { } type)
                {
                    types.Add(type[(type.LastIndexOf('.') + 1)..]);
                }
            }
        }

        var annotations = new Dictionary<(string, string), PropertyAnnotations>();
        using var output = new MemoryStream();
        using (var reader = XmlReader.Create(new MemoryStream(bytes), ReaderSettings))
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            string? entityType = null;
            string? property = null;
            int copyLine = 1; // the XML declaration's
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "Annotation" or "Annotations")
                {
                    if (entityType is not null && property is not null && reader.LocalName == "Annotation")
                    {
                        Annotate(reader, annotations, (entityType, property));
                    }

                    reader.Skip();
                    continue;
                }

                bool skip = reader.NodeType == XmlNodeType.Element
                    && ((reader.LocalName == "EntityType" && types is not null && !types.Contains(reader.GetAttribute("Name") ?? string.Empty))
                        || (reader.LocalName == "EntitySet" && wantedSets is not null && !wantedSets.Contains(reader.GetAttribute("Name") ?? string.Empty))
                        || reader.LocalName is "NavigationProperty" or "NavigationPropertyBinding" or "Action" or "Function" or "ActionImport" or "FunctionImport");
                if (skip)
                {
                    reader.Skip();
                }
                else if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.LocalName == "EntityType")
                    {
                        entityType = reader.GetAttribute("Name");
                    }
                    else if (reader.LocalName == "Property" && entityType is not null)
                    {
                        property = reader.GetAttribute("Name");
                        if (property is not null && reader.MoveToAttribute("Type"))
                        {
                            positions.PropertyTypes[(entityType, property)] = XmlPosition.Of(reader);
                            reader.MoveToElement();
                        }
                    }
                    else if (reader.LocalName == "EntitySet" && reader.GetAttribute("Name") is { } setName && reader.MoveToAttribute("Name"))
                    {
                        positions.EntitySets.TryAdd(setName, XmlPosition.Of(reader));
                        reader.MoveToElement();
                    }

                    // Each element starts a line of the copy, so a location the library reports in the copy names
                    // the original element (whitespace between CSDL elements means nothing).
                    writer.WriteWhitespace("\n");
                    copyLine++;
                    while (positions.ElementOfCopyLine.Count <= copyLine)
                    {
                        positions.ElementOfCopyLine.Add(default);
                    }

                    positions.ElementOfCopyLine[copyLine] = XmlPosition.Of(reader);
                    bool empty = reader.IsEmptyElement;
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, false);
                    if (empty)
                    {
                        writer.WriteEndElement();
                        ClosedScope(reader.LocalName);
                    }

                    reader.Read();
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    ClosedScope(reader.LocalName);
                    writer.WriteFullEndElement();
                    reader.Read();
                }
                else
                {
                    // Text is content (an enum member's name, for one); the structure needs it whole.
                    if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                    {
                        writer.WriteString(reader.Value);
                        copyLine += reader.Value.Count(c => c == '\n'); // the reader has normalised line breaks to '\n'
                    }

                    reader.Read();
                }
            }

            void ClosedScope(string name)
            {
                if (name == "Property")
                {
                    property = null;
                }
                else if (name == "EntityType")
                {
                    entityType = null;
                }
            }
        }

        return (output.ToArray(), annotations);
    }

    /// <summary>Reads one property annotation; any shape it does not know leaves the property as it was.</summary>
    private static void Annotate(XmlReader reader, Dictionary<(string, string), PropertyAnnotations> annotations, (string, string) owner)
    {
        string? term = reader.GetAttribute("Term");
        if (term is null || !term.StartsWith(DynamicsTerms, StringComparison.Ordinal))
        {
            return;
        }

        var known = annotations.GetValueOrDefault(owner) ?? new PropertyAnnotations(null, null, null, null);
        bool? flag = reader.GetAttribute("Bool") is { } text && bool.TryParse(text.Trim(), out bool value) ? value : null;
        known = term[DynamicsTerms.Length..] switch
        {
            "IsRequired" => known with { IsRequired = flag ?? known.IsRequired },
            "AllowEdit" => known with { AllowEdit = flag ?? known.AllowEdit },
            "AllowEditOnCreate" => known with { AllowEditOnCreate = flag ?? known.AllowEditOnCreate },
            "AXType" => known with { AXType = EnumMember(reader) ?? known.AXType },
            _ => known,
        };
        annotations[owner] = known;
    }

    /// <summary>The member an annotation names, as an attribute or a nested <c>EnumMember</c> element (the reader stays on the annotation).</summary>
    private static string? EnumMember(XmlReader reader)
    {
        string? member = reader.GetAttribute("EnumMember");
        if (member is null && !reader.IsEmptyElement)
        {
            using var inner = reader.ReadSubtree();
            while (inner.Read())
            {
                if (inner.NodeType == XmlNodeType.Element && inner.LocalName == "EnumMember")
                {
                    member = inner.ReadElementContentAsString();
                    break;
                }
            }
        }

        // "Microsoft.Dynamics.OData.Core.V1.AXType/String" (several members are separated by spaces).
        return member?.Trim() is { Length: > 0 } trimmed ? trimmed[(trimmed.LastIndexOf('/') + 1)..] : null;
    }

    /// <summary>
    /// A property as MapLint models it. Mandatory is the <c>IsRequired</c> annotation, not <c>Nullable="false"</c>
    /// (which finance and operations puts on every key string and every value type); read-only is <c>AllowEdit</c>
    /// and <c>AllowEditOnCreate</c> both false (each is true when absent), since a field that can be set on create
    /// can be written by dual-write.
    /// </summary>
    private static ExportedField? Field(string name, IEdmTypeReference reference, PropertyAnnotations? annotations)
    {
        bool required = annotations?.IsRequired == true;
        bool readOnly = annotations is { AllowEdit: false, AllowEditOnCreate: false };
        if (reference.Definition is IEdmEnumType enumType)
        {
            return new ExportedField(name, FieldType.Enum) { Required = required, ReadOnly = readOnly, Values = enumType.Members.Select(m => m.Name).ToList() };
        }

        if (reference.Definition is not IEdmPrimitiveType primitive)
        {
            return null;
        }

        FieldType? type = primitive.PrimitiveKind switch
        {
            EdmPrimitiveTypeKind.String => FieldType.String,
            EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte => FieldType.Integer,
            EdmPrimitiveTypeKind.Int64 => FieldType.Int64,
            EdmPrimitiveTypeKind.Decimal => FieldType.Decimal,
            EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Single => FieldType.Real,
            EdmPrimitiveTypeKind.Boolean => FieldType.Boolean,
            EdmPrimitiveTypeKind.Date => FieldType.Date,
            EdmPrimitiveTypeKind.DateTimeOffset => FieldType.DateTime,
            EdmPrimitiveTypeKind.Guid => FieldType.Guid,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        return new ExportedField(name, type.Value)
        {
            Required = required,
            ReadOnly = readOnly,
            MaxLength = reference is IEdmStringTypeReference { MaxLength: { } maxLength } ? maxLength : null,
            Precision = reference is IEdmDecimalTypeReference { Scale: { } scale } ? scale : null,
        };
    }
}
