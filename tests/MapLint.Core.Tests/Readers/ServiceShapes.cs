using System.Text;

namespace MapLint.Tests.Readers;

/// <summary>
/// The service's own shapes, for tests. Sources (shapes only, values invented):
/// * Web API records of msdyn_dualwriteentitymaps (msdyn_dualwriteentitymapid, msdyn_name, msdyn_displayname,
///   msdyn_version, msdyn_mapping as a JSON string, ismanaged, statecode, createdon): OliverFlint/
///   pptb-dual-write-map-viewer src/hooks/useDataverseApi.ts @ 3d35d18d6e2fd62169d1cfe86697c6cb44451070.
/// * msdyn_mapping (legs[].fieldMappings[] with syncDirection 1/2/3 as numbers or numeric strings, valueTransforms
///   ValueMap/Default): microsoft/Dual-write-automations DWLibary/Struct/DWFieldMapping.cs @ b014fde6b65e6c1136e37fa7db7f875d2d3c6f3a,
///   DWLibary/DWEnums.cs @ 58eb142446b3afae2cec10c8e060c684dec65b11; pptb-dual-write-map-viewer
///   src/components/DualWriteMapPreview.tsx @ 1af62b97b49c12e610014d785de93c13eb3cb85f (compares syncDirection to "1").
/// * Sentinel versions (9.9.9.9 parked above the running 2.0.1.8) and managed/unmanaged layers of one map: the
///   public tests of a dual-write cockpit (utils/dualWriteMapping.test.ts, found by the code search, repository not named by it).
/// * Customizations.xml element msdyn_dualwriteentitymaps under ImportExportXml: MicrosoftDocs/powerapps-docs
///   issue #4474; the record layout inside it is inferred (README).
/// Inline markup (<c>{|DIPV2033:…|}</c>) survives every escaping below: it holds no quote, backslash, '&amp;' or '&lt;'.
/// </summary>
public static class ServiceShapes
{
    /// <summary>A one-leg map definition from finance and operations (AX) to Dataverse (CRM) with the given field mappings (JSON objects).</summary>
    public static string Definition(string fieldMappings, string source = "CustomersV3", string destination = "account", string sourceType = "AX", string destinationType = "CRM", string extraLeg = "") =>
        "{\"name\":\"Customers\",\"leftEnvironmentType\":\"" + sourceType + "\",\"rightEnvironmentType\":\"" + destinationType + "\",\"legs\":[{\"id\":\"001\",\"sourceSchema\":\"" + source + "\",\"sourceEnvironmentType\":\"" + sourceType
        + "\",\"destinationSchema\":\"" + destination + "\",\"destinationEnvironmentType\":\"" + destinationType + "\"" + extraLeg + ",\"fieldMappings\":[" + fieldMappings + "]}]}";

    public static string FieldMapping(string source, string direction, string destination, string extra = "") =>
        "{\"syncDirection\":" + direction + ",\"sourceField\":\"" + source + "\",\"destinationField\":\"" + destination + "\",\"isSystemGenerated\":false" + extra + "}";

    /// <summary>The content of a JSON string holding <paramref name="json"/>.</summary>
    public static string Escape(string json) => json.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    public static string Record(string mappingContent, string name = "msdyn_[account - CustomersV3]", string version = "1.0.0.0", string display = "Customers", bool managed = false, int state = 0, string created = "2026-03-02T09:00:00Z", string id = "6ecf1639-2134-5594-873f-b65498a23427") =>
        "{\"@odata.etag\":\"W/\\\"1000\\\"\",\"msdyn_dualwriteentitymapid\":\"" + id + "\",\"msdyn_name\":\"" + name + "\",\"msdyn_displayname\":\"" + display + "\",\"msdyn_version\":\"" + version
        + "\",\"msdyn_mapping\":\"" + mappingContent + "\",\"ismanaged\":" + (managed ? "true" : "false") + ",\"statecode\":" + state + ",\"createdon\":\"" + created + "\"}";

    public static string Export(params string[] records) =>
        "{\"@odata.context\":\"https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#msdyn_dualwriteentitymaps\",\"value\":[" + string.Join(",", records) + "]}\n";

    /// <summary>A Web API export of one record holding <paramref name="definition"/> once encoded, as the service stores it.</summary>
    public static string ExportOf(string definition, string display = "Customers") => Export(Record(Escape(definition), display: display));

    /// <summary>The same, encoded twice (a JSON string inside the JSON string).</summary>
    public static string DoubleEncodedExportOf(string definition) => Export(Record(Escape("\"" + Escape(definition) + "\"")));

    public static string XmlEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>An unpacked solution's Customizations.xml holding records (inferred layout: id attribute, one child element per column).</summary>
    public static string Customizations(params (string Name, string Version, string Mapping)[] records) =>
        CustomizationsOf(records.Select(r => (r.Name, "Customers", r.Version, r.Mapping)).ToArray());

    public static string CustomizationsOf(params (string Name, string Display, string Version, string Mapping)[] records)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ImportExportXml xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <Entities />\n  <msdyn_dualwriteentitymaps>\n");
        int n = 0;
        foreach (var (name, display, version, mapping) in records)
        {
            text.Append("    <msdyn_dualwriteentitymap msdyn_dualwriteentitymapid=\"{00000000-0000-0000-0000-00000000000").Append(n++).Append("}\">\n");
            text.Append("      <msdyn_displayname>").Append(XmlEscape(display)).Append("</msdyn_displayname>\n");
            text.Append("      <msdyn_mapping>").Append(mapping).Append("</msdyn_mapping>\n");
            text.Append("      <msdyn_name>").Append(name).Append("</msdyn_name>\n");
            text.Append("      <msdyn_version>").Append(version).Append("</msdyn_version>\n");
            text.Append("      <statecode>0</statecode>\n");
            text.Append("    </msdyn_dualwriteentitymap>\n");
        }

        return text.Append("  </msdyn_dualwriteentitymaps>\n</ImportExportXml>\n").ToString();
    }
}
