using MapLint.Diagnostics;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// Descriptors reported while the service's own records and documents are read: Web API exports of
/// <c>msdyn_dualwriteentitymap</c>, map definitions (<c>msdyn_mapping</c>), unpacked and zipped solutions, Data
/// Integration project and connection set documents.
/// </summary>
public static class ServiceRecordRules
{
    public static readonly DiagnosticDescriptor MappingNotJson = DiagnosticDescriptor.Create(
        "DIPV2030",
        "Map definition is not valid JSON",
        "The map definition (msdyn_mapping) of '{0}' is not valid JSON: {1} Export the record again; a definition cut short or edited by hand cannot be checked.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor MappingEmpty = DiagnosticDescriptor.Create(
        "DIPV2031",
        "Map definition is empty",
        "Record '{0}' has no map definition (msdyn_mapping is {1}); select msdyn_mapping in the export ($select=...,msdyn_mapping) or remove the record.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor MappingOverEncoded = DiagnosticDescriptor.Create(
        "DIPV2032",
        "Map definition is encoded too many times",
        "The map definition of '{0}' is a JSON string inside a JSON string inside msdyn_mapping (encoded three times or more); the service stores it once, sometimes twice. Decode it to a JSON object before storing it.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor UnknownSyncDirection = DiagnosticDescriptor.Create(
        "DIPV2033",
        "Unknown sync direction",
        "syncDirection {0} is not a direction the service knows; use 1 (source to destination), 2 (destination to source) or 3 (both ways). The field mapping is not checked.",
        RuleCategory.Mapping,
        Severity.Error);

    public static readonly DiagnosticDescriptor LegWithoutFieldMappings = DiagnosticDescriptor.Create(
        "DIPV2034",
        "Leg without field mappings",
        "Leg {0} of '{1}' ({2}) has no field mappings, so it synchronizes nothing; map at least the integration key fields or remove the leg.",
        RuleCategory.Mapping,
        Severity.Error);

    public static readonly DiagnosticDescriptor UnexpectedShape = DiagnosticDescriptor.Create(
        "DIPV2035",
        "Service record does not have the expected shape",
        "{0}",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor UnsafeXml = DiagnosticDescriptor.Create(
        "DIPV2036",
        "XML declares a DTD or entities",
        "The XML declares a document type (DTD){0}; MapLint never processes DTDs or resolves entities, so the file is not read. Solutions exported by Dataverse have no DTD: export the solution again.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor MalformedXml = DiagnosticDescriptor.Create(
        "DIPV2037",
        "Customizations.xml is not well-formed",
        "The XML is not well-formed: {0} Unpack the solution again (pac solution unpack) or fix the file.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor UnsafeZipPath = DiagnosticDescriptor.Create(
        "DIPV2038",
        "Zip entry path leaves the archive",
        "Zip entry '{0}' has a path outside the archive (absolute, or with '..'); MapLint reads nothing from it. A solution exported by Dataverse never has such paths: export it again.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor ZipTooLarge = DiagnosticDescriptor.Create(
        "DIPV2039",
        "Zip expands beyond the limits",
        "The archive {0}; MapLint stops reading it (a zip bomb, or not a solution). Check the file, or unpack it with pac solution unpack and check the folder.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor EncryptedZip = DiagnosticDescriptor.Create(
        "DIPV2040",
        "Zip entry is encrypted",
        "Zip entry '{0}' is encrypted; MapLint cannot read it. Solutions exported by Dataverse are not encrypted: export the solution again without a password.",
        RuleCategory.Document,
        Severity.Error);

    public static readonly DiagnosticDescriptor CorruptZip = DiagnosticDescriptor.Create(
        "DIPV2041",
        "Zip cannot be read",
        "The archive cannot be read: {0} Download or export the solution again.",
        RuleCategory.Document,
        Severity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [MappingNotJson, MappingEmpty, MappingOverEncoded, UnknownSyncDirection, LegWithoutFieldMappings, UnexpectedShape, UnsafeXml, MalformedXml, UnsafeZipPath, ZipTooLarge, EncryptedZip, CorruptZip];
}
