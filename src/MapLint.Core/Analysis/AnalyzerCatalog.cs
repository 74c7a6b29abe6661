using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Syntax;

namespace MapLint.Analysis;

/// <summary>The built-in analyzers and every descriptor MapLint can report.</summary>
public static class AnalyzerCatalog
{
    private static readonly Lazy<IReadOnlyList<Analyzer>> BuiltInAnalyzers = new(Discover);
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> Descriptors = new(CollectDescriptors);

    public static IReadOnlyList<Analyzer> BuiltIn => BuiltInAnalyzers.Value;

    /// <summary>Every rule, sorted by id: stage rules (syntax, documents, engine) and analyzer rules.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors => Descriptors.Value;

    public static DiagnosticDescriptor? Find(string id) =>
        AllDescriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Listed by hand, sorted by id, rather than found by reflection: the native (ahead-of-time) build keeps only
    /// what it can see. A test checks by reflection that no analyzer of the assembly is missing here.
    /// </summary>
    private static IReadOnlyList<Analyzer> Discover() =>
        [
            new Analyzers.Connections.DIPV1000ConnectionValidation(),
            new Analyzers.Metadata.DIPV1002CompanyScopeMismatch(),
            new Analyzers.Keys.DIPV1003IntegrationKeyMissing(),
            new Analyzers.Keys.DIPV1004KeyFieldNotBidirectional(),
            new Analyzers.Connections.DIPV1005MissingEnvironmentInfo(),
            new Analyzers.Projects.DIPV1007TaskEnvironmentNotInConnectionSet(),
            new Analyzers.Connections.DIPV1008DataPartitionNotValid(),
            new Analyzers.Metadata.DIPV1010MandatoryFieldNotMapped(),
            new Analyzers.Metadata.DIPV1011ReadOnlyFieldMapped(),
            new Analyzers.Filters.DIPV1012DataverseFilterInvalid(),
            new Analyzers.Keys.DIPV1014KeyFieldNotMapped(),
            new Analyzers.Keys.DIPV1015KeyLookupNotExpanded(),
            new Analyzers.Connections.DIPV1016NoOrganizationMapping(),
            new Analyzers.Connections.DIPV1017NoOrganizationMappingForLookup(),
            new Analyzers.Metadata.DIPV1018MissingSourceSchema(),
            new Analyzers.Metadata.DIPV1019NoVersionNumber(),
            new Analyzers.Metadata.DIPV1020MissingDestinationSchema(),
            new Analyzers.Mappings.DIPV1021MappingWithoutSourceField(),
            new Analyzers.Metadata.DIPV1022SourceFieldNotInSchema(),
            new Analyzers.Mappings.DIPV1023DuplicateSourceField(),
            new Analyzers.Mappings.DIPV1024MappingWithoutDestinationField(),
            new Analyzers.Metadata.DIPV1025DestinationFieldNotInSchema(),
            new Analyzers.Mappings.DIPV1026DuplicateDestinationField(),
            new Analyzers.Metadata.DIPV1027DestinationLookupWithoutKey(),
            new Analyzers.Metadata.DIPV1028SourceLookupWithoutKey(),
            new Analyzers.Mappings.DIPV1029DuplicateValueMap(),
            new Analyzers.Metadata.DIPV1030DataTypeMismatch(),
            new Analyzers.Metadata.DIPV1031MandatoryFieldWithoutDefault(),
            new Analyzers.Projects.DIPV2007UnknownTaskMap(),
            new Analyzers.Filters.DIPV2100FinanceAndOperationsFilterInvalid(),
            new Analyzers.Filters.DIPV2101SingleEqualsInFilter(),
            new Analyzers.Filters.DIPV2102EmptyStringComparison(),
            new Analyzers.Sync.DIPV2103OneWayTowardFinanceAndOperations(),
            new Analyzers.Sync.DIPV2104IncompleteValueMap(),
            new Analyzers.Sync.DIPV2105TooManyLookups(),
            new Analyzers.Sync.DIPV2106VirtualFieldMapped(),
            new Analyzers.Mappings.DIPV2107FieldFedBothWaysFromTwoFields(),
            new Analyzers.Sync.DIPV2200SelfReferencingLookup(),
            new Analyzers.Sync.DIPV2201LookupCycle(),
            new Analyzers.Sync.DIPV2202LookupToUncoupledTable(),
            new Analyzers.Sync.DIPV2203TableWrittenByTwoMaps(),
            new Analyzers.Connections.DIPV2301TooManyLegalEntitiesForInitialSync(),
            new Analyzers.Connections.DIPV2302TooManyLegalEntitiesForLiveSync(),
            new Analyzers.Records.DIPV2400SeveralSavedVersions(),
            new Analyzers.Records.DIPV2401SentinelVersion(),
            new Analyzers.Records.DIPV2402ManagedAndUnmanagedRecords(),
            new Analyzers.Records.DIPV2403DuplicateRecord(),
            new Analyzers.Records.DIPV2404ServiceValidationIssue(),
            new Analyzers.BusinessCentral.DIPV2502DependencyNotCoupled(),
            new Analyzers.BusinessCentral.DIPV2503DependencyFilterUnknownMapping(),
            new Analyzers.BusinessCentral.DIPV2504DependencyFilterCycle(),
            new Analyzers.BusinessCentral.DIPV2505FieldDirectionConflictsWithTable(),
            new Analyzers.BusinessCentral.DIPV2506NoFieldMappingInTableDirection(),
            new Analyzers.BusinessCentral.DIPV2507OptionMappingBidirectional(),
            new Analyzers.BusinessCentral.DIPV2508NotNullOnNonGuidField(),
            new Analyzers.BusinessCentral.DIPV2509NotNullWithClearValue(),
            new Analyzers.BusinessCentral.DIPV2510FieldMappedTwice(),
            new Analyzers.BusinessCentral.DIPV2511FieldNoNamesNoField(),
            new Analyzers.BusinessCentral.DIPV2512FieldTypeMismatch(),
            new Analyzers.BusinessCentral.DIPV2513FieldLengthMismatch(),
            new Analyzers.BusinessCentral.DIPV2514MappingNameTooLong(),
            new Analyzers.BusinessCentral.DIPV2515UidFieldNotGuid(),
            new Analyzers.BusinessCentral.DIPV2516ModifiedOnFieldNotDateTime(),
            new Analyzers.BusinessCentral.DIPV2517ExternalNameNotInMetadata(),
        ];

    private static IReadOnlyList<DiagnosticDescriptor> CollectDescriptors() =>
        SyntaxRules.All
            .Concat(DocumentRules.All)
            .Concat(EngineRules.All)
            .Concat(Configuration.ConfigurationRules.All)
            .Concat(Metadata.MetadataRules.All)
            .Concat(Readers.ServiceRecords.ServiceRecordRules.All)
            .Append(Suppressions.Unused)
            .Append(Analyzers.Metadata.DIPV2014ConflictingEntityDefinitions.Descriptor)
            .Append(Analyzers.Secrets.DIPV2300CredentialInDocument.Descriptor)
            .Append(FindingsCap.MoreFindings)
            .Concat(BusinessCentral.BusinessCentralRules.All)
            .Concat(BuiltIn.SelectMany(a => a.SupportedDiagnostics))
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
