using System.Xml;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Text;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace MapLint.Metadata;

/// <summary>
/// Reads the finance and operations OData $metadata document (CSDL/EDMX) with Microsoft.OData.Edm: each entity
/// set becomes an entity (named by the set, as dual-write maps name them) with its properties, Edm types,
/// nullability and key; <c>dataAreaId</c> in the key marks it company-specific; enums become value lists.
/// Cross-company data sharing is not in $metadata and comes from configuration.
/// </summary>
public static class FinanceOperationsMetadataReader
{
    public static bool IsExport(byte[] bytes)
    {
        int length = Math.Min(bytes.Length, 4096);
        string head = System.Text.Encoding.UTF8.GetString(bytes, 0, length);
        return head.Contains("<edmx:Edmx", StringComparison.Ordinal) || head.Contains("<Edmx", StringComparison.Ordinal);
    }

    public static MetadataExport? Read(byte[] bytes, DiagnosticBag bag, IReadOnlyCollection<string> crossCompanyDataSharing, MetadataDemand? demand = null)
    {
        IEdmModel model;
        IEnumerable<EdmError> errors;
        try
        {
            // Building the full model of a 2,000-entity $metadata costs most of a second: keep only what the maps use.
            var source = demand?.FinanceAndOperations is { } wanted ? Reduce(bytes, wanted) : bytes;
            using var reader = XmlReader.Create(new MemoryStream(source), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            if (!CsdlReader.TryParse(reader, out model, out errors))
            {
                foreach (var error in errors.Take(20))
                {
                    bag.Add(MetadataRules.UnreadableExport, default, null, $"$metadata does not parse: {error.ErrorMessage} ({error.ErrorLocation})");
                }

                return null;
            }
        }
        catch (XmlException ex)
        {
            bag.Add(MetadataRules.UnreadableExport, default, null, $"$metadata is not well-formed XML: {ex.Message}");
            return null;
        }

        var shared = new HashSet<string>(crossCompanyDataSharing, StringComparer.OrdinalIgnoreCase);
        var entities = new List<ExportedEntity>();
        foreach (var set in model.EntityContainer?.EntitySets() ?? [])
        {
            if (set.Type is not IEdmCollectionType { ElementType.Definition: IEdmEntityType type })
            {
                continue;
            }

            var entity = new ExportedEntity(set.Name) { CrossCompanyDataSharing = shared.Contains(set.Name) };
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
                var field = Field(property.Name, reference);
                if (field is null)
                {
                    bag.Add(MetadataRules.UnsupportedAttribute, default, null, $"'{set.Name}.{property.Name}' has type '{reference.FullName()}', which MapLint does not model; the field is left out of the metadata.");
                    continue;
                }

                entity.Fields[property.Name] = field;
            }

            entities.Add(entity);
        }

        return new MetadataExport(Apps.FinanceAndOperations, entities);
    }

    /// <summary>
    /// A copy of the CSDL with only the wanted entity sets and their entity types (enum and complex types kept,
    /// navigation properties dropped since their targets may be left out), read in one streaming pass.
    /// </summary>
    private static byte[] Reduce(byte[] bytes, IReadOnlyCollection<string> wantedSets)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        var types = new HashSet<string>(StringComparer.Ordinal);
        using (var scan = XmlReader.Create(new MemoryStream(bytes), settings))
        {
            while (scan.Read())
            {
                if (scan.NodeType == XmlNodeType.Element && scan.LocalName == "EntitySet" && scan.GetAttribute("Name") is { } set && wantedSets.Contains(set) && scan.GetAttribute("EntityType") is { } type)
                {
                    types.Add(type[(type.LastIndexOf('.') + 1)..]);
                }
            }
        }

        using var output = new MemoryStream();
        using (var reader = XmlReader.Create(new MemoryStream(bytes), settings))
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                bool skip = reader.NodeType == XmlNodeType.Element
                    && ((reader.LocalName == "EntityType" && !types.Contains(reader.GetAttribute("Name") ?? string.Empty))
                        || (reader.LocalName == "EntitySet" && !wantedSets.Contains(reader.GetAttribute("Name") ?? string.Empty))
                        || reader.LocalName is "NavigationProperty" or "NavigationPropertyBinding" or "Action" or "Function" or "ActionImport" or "FunctionImport");
                if (skip)
                {
                    reader.Skip();
                }
                else if (reader.NodeType == XmlNodeType.Element)
                {
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    writer.WriteAttributes(reader, false);
                    if (reader.IsEmptyElement)
                    {
                        writer.WriteEndElement();
                    }

                    reader.Read();
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    writer.WriteFullEndElement();
                    reader.Read();
                }
                else
                {
                    reader.Read();
                }
            }
        }

        return output.ToArray();
    }

    private static ExportedField? Field(string name, IEdmTypeReference reference)
    {
        bool required = !reference.IsNullable;
        if (reference.Definition is IEdmEnumType enumType)
        {
            return new ExportedField(name, FieldType.Enum) { Required = required, Values = enumType.Members.Select(m => m.Name).ToList() };
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
            MaxLength = reference is IEdmStringTypeReference { MaxLength: { } maxLength } ? maxLength : null,
            Precision = reference is IEdmDecimalTypeReference { Scale: { } scale } ? scale : null,
        };
    }
}
