using System.Globalization;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Metadata;

/// <summary>
/// Reads Dataverse Web API entity metadata as returned by <c>EntityDefinitions(LogicalName='account')?$expand=Attributes,Keys</c>
/// (one entity, or a collection under "value"): attributes with their type, required level, length, precision,
/// create/update validity, lookup targets and option values; alternate keys; table type; the company lookup.
/// </summary>
public static class DataverseMetadataReader
{
    /// <summary>The lookup target that makes a table company-specific in dual-write.</summary>
    public const string CompanyTable = "cdm_company";

    public static bool IsExport(JsonObject root) =>
        (root.GetString("@odata.context") is { } context && context.Contains("EntityDefinitions", StringComparison.Ordinal))
        || (root.Get("LogicalName") is JsonString && root.Get("Attributes") is JsonArray)
        || (root.GetArray("value") is { Items: [JsonObject first, ..] } && first.Get("LogicalName") is JsonString && first.Get("Attributes") is JsonArray);

    public static MetadataExport Read(JsonObject root, DiagnosticBag bag, MetadataDemand? demand = null)
    {
        if (AttributeResponseTable(root) is { } table)
        {
            return ReadAttributeResponse(table, root, bag);
        }

        var items = (root.GetArray("value") is { } collection ? collection.Items.OfType<JsonObject>() : [root]).ToList();
        var wanted = Wanted(items, demand?.Dataverse);
        var entities = new List<ExportedEntity>();
        foreach (var item in items)
        {
            if (wanted is not null && !(item.GetString("LogicalName") is { } logicalName && (wanted.Contains(logicalName) || IsUsed(item, wanted))))
            {
                continue;
            }

            if (item.GetString("LogicalName") is not { } name)
            {
                bag.Add(MetadataRules.UnreadableExport, item.AnchorSpan, item.Path, "This entity definition has no LogicalName; it was left out.");
                continue;
            }

            entities.Add(ReadEntity(name, item, bag));
        }

        return new MetadataExport(Apps.Dataverse, entities);
    }

    /// <summary>The tables to convert: those the maps use and the tables their lookups point to (for their keys).</summary>
    private static HashSet<string>? Wanted(List<JsonObject> items, IReadOnlyCollection<string>? used)
    {
        if (used is null)
        {
            return null;
        }

        var wanted = new HashSet<string>(used, StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (item.GetString("LogicalName") is { } name && (used.Contains(name) || IsUsed(item, used)))
            {
                foreach (var attribute in (item.GetArray("Attributes")?.Items ?? []).OfType<JsonObject>())
                {
                    foreach (var target in attribute.GetArray("Targets")?.Items.OfType<JsonString>() ?? [])
                    {
                        wanted.Add(target.Value);
                    }
                }
            }
        }

        return wanted;
    }

    /// <summary>A table the maps name by its entity set (accounts), as the service's map records do.</summary>
    private static bool IsUsed(JsonObject item, IReadOnlyCollection<string> used) =>
        (item.GetString("EntitySetName") is { } set && used.Contains(set))
        || (item.GetString("LogicalCollectionName") is { } collection && used.Contains(collection))
        || (item.GetString("LogicalName") is { } name && used.Contains(EntitySetNames.Default(name)));

    /// <summary>
    /// The table of a column-level response, <c>EntityDefinitions(LogicalName='account')/Attributes(LogicalName='x')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet</c>
    /// (its context reads <c>$metadata#EntityDefinitions('account')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata(…)</c>); null for a table-level one.
    /// </summary>
    private static string? AttributeResponseTable(JsonObject root)
    {
        if (root.GetString("@odata.context") is not { } context)
        {
            return null;
        }

        int at = context.IndexOf("EntityDefinitions(", StringComparison.Ordinal);
        int attributes = context.IndexOf(")/Attributes", StringComparison.Ordinal);
        if (at < 0 || attributes < at)
        {
            return null;
        }

        string key = context[(at + "EntityDefinitions(".Length)..attributes];
        key = key.StartsWith("LogicalName=", StringComparison.Ordinal) ? key["LogicalName=".Length..] : key;
        return key.Trim('\'') is { Length: > 0 } name ? name : null;
    }

    /// <summary>The columns of a column-level response (one, or several under "value"), as fields of their table, to be joined to it.</summary>
    private static MetadataExport ReadAttributeResponse(string table, JsonObject root, DiagnosticBag bag)
    {
        var entity = new ExportedEntity(table) { Span = root.Get("@odata.context")?.Span ?? root.AnchorSpan, ColumnsOnly = true };
        string context = root.GetString("@odata.context")!;
        foreach (var attribute in (root.GetArray("value") is { } collection ? collection.Items.OfType<JsonObject>() : [root]))
        {
            if (attribute.GetString("LogicalName") is not { } field)
            {
                bag.Add(MetadataRules.UnreadableExport, attribute.AnchorSpan, attribute.Path, "This column definition has no LogicalName; it was left out.");
                continue;
            }

            string cast = attribute.GetString("@odata.type") ?? context;
            bool choice = attribute.GetString("AttributeType") is "Picklist" or "State" or "Status"
                || cast.Contains("PicklistAttributeMetadata", StringComparison.Ordinal) || cast.Contains("StatusAttributeMetadata", StringComparison.Ordinal) || cast.Contains("StateAttributeMetadata", StringComparison.Ordinal);
            var options = attribute.GetObject("OptionSet")?.GetArray("Options") ?? attribute.GetObject("GlobalOptionSet")?.GetArray("Options");
            if (!choice || options is null)
            {
                continue;
            }

            entity.Fields[field] = new ExportedField(field, FieldType.OptionSet)
            {
                Values = options.Items.OfType<JsonObject>().Select(o => o.GetInteger("Value")).OfType<long>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList(),
                NumericValues = true,
            };
        }

        return new MetadataExport(Apps.Dataverse, [entity]);
    }

    private static ExportedEntity ReadEntity(string name, JsonObject item, DiagnosticBag bag)
    {
        var entity = new ExportedEntity(name)
        {
            // The plural the Web API and map records use; LogicalCollectionName is its default when a set is not renamed.
            EntitySetName = item.GetString("EntitySetName") is { Length: > 0 } set ? set : item.GetString("LogicalCollectionName") is { Length: > 0 } collection ? collection : null,
            Span = item.Get("LogicalName")?.Span ?? item.AnchorSpan,
            TableType = item.GetString("TableType") switch
            {
                "Virtual" => TableType.Virtual,
                "Elastic" => TableType.Elastic,
                _ => TableType.Standard,
            },
        };

        foreach (var key in (item.GetArray("Keys")?.Items ?? []).OfType<JsonObject>())
        {
            // A key whose index is not built (Pending, InProgress) or failed to build (Failed) identifies nothing yet:
            // dual-write cannot use it as the integration key, so it is left out.
            if (key.GetString("EntityKeyIndexStatus") is { } status && status != "Active")
            {
                continue;
            }

            if (key.GetArray("KeyAttributes") is { } attributes)
            {
                entity.Keys.Add(attributes.Items.OfType<JsonString>().Select(s => s.Value).ToList());
            }
        }

        foreach (var attribute in (item.GetArray("Attributes")?.Items ?? []).OfType<JsonObject>())
        {
            // Helper attributes (the name of a lookup, the base of a money field) belong to another attribute.
            if (attribute.Get("AttributeOf") is JsonString || attribute.GetString("LogicalName") is not { } field)
            {
                continue;
            }

            string attributeType = attribute.GetString("AttributeType") ?? string.Empty;
            var type = TypeOf(attributeType, attribute);
            if (type is null)
            {
                var at = attribute.Get("AttributeType") ?? (JsonNode)attribute;
                bag.Add(MetadataRules.UnsupportedAttribute, at.Span, at.Path, $"'{name}.{field}' has attribute type '{attributeType}', which MapLint does not model; the field is left out of the metadata.");
                continue;
            }

            var targets = attribute.GetArray("Targets")?.Items.OfType<JsonString>().Select(s => s.Value).ToList() ?? [];
            var values = attribute.GetObject("OptionSet")?.GetArray("Options") ?? attribute.GetObject("GlobalOptionSet")?.GetArray("Options");
            bool required = IsRequired(name, item, attribute, attributeType);
            bool readOnly = attribute.GetBoolean("IsValidForCreate") == false && attribute.GetBoolean("IsValidForUpdate") == false;
            entity.Fields[field] = new ExportedField(field, type.Value)
            {
                MaxLength = type == FieldType.String ? attribute.GetInteger("MaxLength") : null,
                Precision = type is FieldType.Decimal or FieldType.Money or FieldType.Real ? attribute.GetInteger("Precision") : null,
                Required = required,
                ReadOnly = readOnly,
                Target = type == FieldType.Lookup ? targets.FirstOrDefault() : null,
                Targets = type == FieldType.Lookup && targets.Count > 1 ? targets : null,
                Values = values?.Items.OfType<JsonObject>().Select(o => o.GetInteger("Value")).OfType<long>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList(),
                NumericValues = true,
            };

            if (type == FieldType.Lookup && entity.CompanyField is null && targets.Contains(CompanyTable) && name != CompanyTable)
            {
                entity.CompanyScope = CompanyScope.Company;
                entity.CompanyField = field;
            }
        }

        return entity;
    }

    /// <summary>
    /// The required-level policy: ApplicationRequired (business required) is required. SystemRequired is required
    /// too, except where Dataverse fills the value itself: the primary id, the owner, status and status reason, and
    /// any column that is not valid for create. A writable SystemRequired column (transactioncurrency.isocurrencycode)
    /// must be mapped. Recommended and None are optional.
    /// </summary>
    private static bool IsRequired(string entity, JsonObject item, JsonObject attribute, string attributeType)
    {
        switch (attribute.GetObject("RequiredLevel")?.GetString("Value"))
        {
            case "ApplicationRequired":
                return true;
            case "SystemRequired":
                string? name = attribute.GetString("LogicalName");
                bool primaryId = attribute.GetBoolean("IsPrimaryId") == true
                    || string.Equals(name, item.GetString("PrimaryIdAttribute"), StringComparison.OrdinalIgnoreCase)
                    || (attributeType == "Uniqueidentifier" && string.Equals(name, entity + "id", StringComparison.OrdinalIgnoreCase));
                bool filledByDataverse = primaryId || attributeType is "Owner" or "State" or "Status" || attribute.GetBoolean("IsValidForCreate") == false;
                return !filledByDataverse;
            default:
                return false;
        }
    }

    private static FieldType? TypeOf(string attributeType, JsonObject attribute) => attributeType switch
    {
        "String" or "Memo" => FieldType.String,
        "Integer" => FieldType.Integer,
        "BigInt" => FieldType.Int64,
        "Decimal" => FieldType.Decimal,
        "Double" => FieldType.Real,
        "Money" => FieldType.Money,
        "Boolean" => FieldType.Boolean,
        "DateTime" => attribute.GetString("Format") == "DateOnly" ? FieldType.Date : FieldType.DateTime,
        "Uniqueidentifier" => FieldType.Guid,
        "Picklist" or "State" or "Status" => FieldType.OptionSet,
        "Lookup" or "Customer" or "Owner" => FieldType.Lookup,
        _ => null,
    };
}
