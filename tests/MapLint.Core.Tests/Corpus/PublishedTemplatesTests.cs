using MapLint.Diagnostics;
using MapLint.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MapLint.Tests.Corpus;

/// <summary>
/// Microsoft's published dual-write templates (published-templates/, transcribed with their page and commit in
/// SOURCES.md), checked together as a user would check a folder of them: no error, and every warning is one of
/// those listed here with the reason it is right. A new warning, a missing one or any error fails the test.
/// </summary>
public class PublishedTemplatesTests
{
    private readonly ITestOutputHelper output;

    public PublishedTemplatesTests(ITestOutputHelper output) => this.output = output;

    private static string Folder => Path.Combine(CatalogTests.Root, "tests", "MapLint.Core.Tests", "Corpus", "published-templates");

    /// <summary>(file, line, rule): why the warning is right on a template Microsoft ships.</summary>
    private static readonly (string File, int Line, string Id, string Reason)[] Expected =
    [
        ("AssetManagementAssets-msdyn-customerassets.json", 36, "DIPV2200", "parent asset: a lookup into the map's own table, filled by a second initial-sync pass"),
        ("AssetManagementFunctionalLocations-msdyn-functionallocations.json", 20, "DIPV2200", "parent functional location: self-reference"),
        ("CDSContactsV2-contacts.json", 9, "DIPV2101", "Microsoft ships (AssociatedContactType = 1): accepted by the service, a warning that '==' is the operator"),
        ("CustomersV3-accounts.json", 4, "DIPV2105", "10 lookups: the documented limit for initial sync from Dataverse"),
        ("CustomersV3-accounts.json", 46, "DIPV2200", "bill-to account: self-reference into account"),
        ("EcoResProductCategoryEntity-msdyn-productcategory.json", 25, "DIPV2200", "parent category, first key part (msdyn_name): self-reference"),
        ("EcoResProductCategoryEntity-msdyn-productcategory.json", 26, "DIPV2200", "parent category, second key part (msdyn_hierarchy.msdyn_name, a multi-level path): self-reference"),
        ("EcoResReleasedProductV2-msdyn-sharedproductdetails.json", 4, "DIPV2105", "10 lookups"),
        ("EmploymentDetail-cdm-employments.json", 12, "DIPV2203", "Employment and Employment detail both write cdm_workerid, cdm_employmentstartdate and more of cdm_employment with no filters; without Dataverse metadata the key columns are not known"),
        ("FiscalCalendarYear-msdyn-fiscalcalendaryears.json", 19, "DIPV2107", "FISCALCALENDAR_CALENDARID mapped both ways to a column and to a lookup key: the way back writes it twice"),
        ("FiscalPeriodEntity-msdyn-fiscalcalendarperiods.json", 25, "DIPV2107", "CALENDAR mapped both ways into two lookups' keys"),
        ("InventProductSpecificOrderSettingsV2Entity-msdyn-productspecificdefaultordersetting.json", 4, "DIPV2105", "12 lookups"),
        ("InventWarehouseEntity-msdyn-warehouse.json", 34, "DIPV2200", "main refilling warehouse: self-reference"),
        ("InventWarehouseEntity-msdyn-warehouse.json", 39, "DIPV2200", "quarantine warehouse: self-reference"),
        ("InventWarehouseEntity-msdyn-warehouse.json", 42, "DIPV2200", "transit warehouse: self-reference"),
        ("Job-cdm-jobs.json", 12, "DIPV2203", "Job and Job detail both write cdm_name, the job type and function, validity and FTE of cdm_job, no filters"),
        ("OperatingUnit-msdyn-internalorganizations.json", 12, "DIPV2203", "Operating units and Legal entities both write name, alias, language, party number and type of msdyn_internalorganization with no filters"),
        ("PositionDetail-cdm-jobpositions.json", 12, "DIPV2203", "shares only cdm_jobpositionnumber with Base position: a vertical split, but without Dataverse metadata MapLint cannot know it is the key (with it, silent: DIPV2203Tests)"),
        ("PositionDuration-cdm-jobpositions.json", 12, "DIPV2203", "the same vertical split of cdm_jobposition"),
        ("PositionHierarchy-cdm-jobpositions.json", 12, "DIPV2203", "the same vertical split of cdm_jobposition"),
        ("PositionHierarchy-cdm-jobpositions.json", 16, "DIPV2200", "parent position: self-reference"),
        ("SalesOrderHeaderCDSEntity-salesorder.json", 4, "DIPV2105", "11 lookups"),
        ("SalesOrderLineCDSEntity-salesorderdetails.json", 56, "DIPV2107", "LINEDISCOUNTAMOUNT mapped both ways to manualdiscountamount and msdyn_linediscountamount"),
        ("VendorsV2-msdyn-vendors.json", 100, "DIPV2200", "invoice vendor account: self-reference"),
        ("VendorsV2-msdyn-vendors.json", 104, "DIPV2201", "vendor primary contact → contacts → vendor: a real cycle, through CDS Contacts V2 (contacts)"),
        ("VendorsV2-msdyn-vendors.json", 104, "DIPV2201", "the same lookup's cycle through Customers V3 (contacts), the other map writing contact"),
    ];

    [Fact]
    public void NoErrorAndEveryWarningIsExplained()
    {
        var files = Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => ("published-templates/" + Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        Assert.Equal(100, files.Count);
        var result = Linter.Run(files);
        foreach (var d in result.Diagnostics)
        {
            output.WriteLine(d.ToString());
        }

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        var actual = result.Diagnostics
            .Where(d => d.Severity == Severity.Warning)
            .Select(d => $"{Path.GetFileName(d.Location.Path)}({d.Location.LineSpan.Start.Line}) {d.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = Expected.Select(e => $"{e.File}({e.Line}) {e.Id}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryPlanLookupIsResolvedOrSaidToBeUnresolved()
    {
        var files = Directory.GetFiles(Folder, "*.json").Select(f => ("published-templates/" + Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var graph = Linter.Run(files).Model.SyncGraph;
        var plan = MapLint.Planning.SyncPlan.Create(graph);
        var unresolved = graph.UnresolvedLookups.Select(u => u.Lookup).ToHashSet();
        var resolved = graph.Dependencies.Select(d => d.Lookup).Concat(graph.SelfReferences.Select(d => d.Lookup)).Concat(graph.UncoupledLookups.Select(u => u.Lookup)).ToHashSet();
        var lookups = graph.Maps.SelectMany(m => m.Mappings).SelectMany(m => new[] { m.Source, m.Destination }).Where(f => f is { IsLookup: true }).ToList();

        // Without metadata the naming conventions and the maps' tables resolve most lookups; the rest are listed.
        Assert.All(lookups, l => Assert.True(resolved.Contains(l!) || unresolved.Contains(l!) || lookups.Any(o => !ReferenceEquals(o, l) && o!.Side == l!.Side && string.Equals(o.Text, l.Text, StringComparison.OrdinalIgnoreCase) && (resolved.Contains(o) || unresolved.Contains(o))), l!.Text));
        output.WriteLine($"{lookups.Count} lookups, {graph.UnresolvedLookups.Count} unresolved");
        Assert.InRange(graph.UnresolvedLookups.Count, 1, 40);

        // No wave holds two maps with a resolved, undeferred lookup between them.
        var waveOf = plan.Waves.SelectMany(w => w.Maps.Select(p => (p.Map, w.Number))).ToDictionary(p => p.Map, p => p.Number);
        var deferred = graph.DeferredDependencies.ToHashSet();
        Assert.All(graph.Dependencies.Where(d => !deferred.Contains(d)), d => Assert.True(waveOf[d.Map] > waveOf[d.DependsOn], $"{d.Map.Name} runs with or before {d.DependsOn.Name}"));
    }
}
