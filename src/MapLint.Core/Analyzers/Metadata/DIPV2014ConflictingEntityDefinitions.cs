using System.Globalization;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>
/// DIPV2014: two metadata files (entityMetadata documents, $metadata, Dataverse exports, a project's cached
/// schemas) define one entity in ways that contradict each other. The model joins them in an order of what they
/// say (<see cref="Semantics.MetadataCatalog"/>), so the findings no longer flip when a file is renamed; this rule
/// says that one of the files is stale, at each definition. Fields only one of them lists are no contradiction
/// (the join keeps them all), nor is a column-level export's silence about the table.
/// </summary>
public static class DIPV2014ConflictingEntityDefinitions
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2014",
        "Entity defined differently in two metadata files",
        "Entity '{0}' is also defined in '{1}', differently: {2}. Keep one definition: delete the stale file or export it again.",
        RuleCategory.Schema,
        metadata: true);

    private const int DifferencesShown = 3;

    /// <summary>Reports each definition that contradicts another of the same entity, into its own file's bag.</summary>
    public static void Report(IEnumerable<EntityMetadataDocument> documents, IReadOnlyDictionary<MapLintDocument, DiagnosticBag> bagOf)
    {
        var groups = documents
            .SelectMany(d => d.Entities)
            .GroupBy(e => e.App.ToUpperInvariant() + "\n" + e.Name.ToUpperInvariant(), StringComparer.Ordinal)
            .Where(g => g.Skip(1).Any());
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(e => e.Document.File.DisplayPath, StringComparer.Ordinal).ThenBy(e => e.DefinitionSpan.Start).ToList();
            foreach (var definition in ordered)
            {
                foreach (var other in ordered)
                {
                    if (ReferenceEquals(other.Document, definition.Document) || Differences(definition, other) is not { Count: > 0 } differences)
                    {
                        continue;
                    }

                    string shown = string.Join("; ", differences.Take(DifferencesShown));
                    if (differences.Count > DifferencesShown)
                    {
                        shown += $"; and {(differences.Count - DifferencesShown).ToString(CultureInfo.InvariantCulture)} more";
                    }

                    string? path = definition.DefinitionSpan == definition.NameSpan ? "$.entities." + definition.Name : null;
                    if (bagOf.TryGetValue(definition.Document, out var bag))
                    {
                        bag.Add(Descriptor, definition.DefinitionSpan, path, definition.Name, other.Document.File.DisplayPath, shown);
                    }

                    break; // one finding per definition, naming the first file (by path) it contradicts
                }
            }
        }
    }

    /// <summary>What <paramref name="here"/> says that <paramref name="there"/> contradicts, worded from here.</summary>
    internal static List<string> Differences(EntityDefinition here, EntityDefinition there)
    {
        var differences = new List<string>();
        if (!here.ColumnsOnly && !there.ColumnsOnly)
        {
            Compare("companyScope", Scope(here.CompanyScope), Scope(there.CompanyScope));
            Compare("tableType", here.TableType.ToString().ToLowerInvariant(), there.TableType.ToString().ToLowerInvariant());
            Compare("crossCompanyDataSharing", Flag(here.CrossCompanyDataSharing), Flag(there.CrossCompanyDataSharing));
            Compare("hasVersionNumber", Flag(here.HasVersionNumber), Flag(there.HasVersionNumber));
            Compare("companyField", here.CompanyField ?? "none", there.CompanyField ?? "none", ignoreCase: true);
            Compare("keys", Keys(here), Keys(there), ignoreCase: true);
        }

        foreach (var field in here.Fields.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (there.FindField(field.Name) is not { } theirs)
            {
                continue;
            }

            string name = field.Name;
            Compare($"type of '{name}'", field.TypeName, theirs.TypeName);
            if (field.Values is not null && theirs.Values is not null)
            {
                Compare($"values of '{name}'", Set(field.Values), Set(theirs.Values));
            }

            if (here.ColumnsOnly || there.ColumnsOnly)
            {
                continue; // a column-level export gives the type and values only
            }

            Compare($"'{name}' required", Flag(field.Required), Flag(theirs.Required));
            Compare($"'{name}' read-only", Flag(field.ReadOnly), Flag(theirs.ReadOnly));
            Compare($"'{name}' virtual", Flag(field.Virtual), Flag(theirs.Virtual));
            Compare($"maxLength of '{name}'", Number(field.MaxLength), Number(theirs.MaxLength));
            Compare($"precision of '{name}'", Number(field.Precision), Number(theirs.Precision));
            Compare($"target of '{name}'", Set(field.Targets), Set(theirs.Targets), ignoreCase: true);
        }

        return differences;

        void Compare(string what, string mine, string theirs, bool ignoreCase = false)
        {
            if (!string.Equals(mine, theirs, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                differences.Add($"{what} is {mine} here, {theirs} there");
            }
        }
    }

    private static string Scope(CompanyScope scope) => scope == CompanyScope.Company ? "'company'" : "'global'";

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "not set";

    private static string Keys(EntityDefinition entity) =>
        entity.Keys.Count == 0 ? "none" : string.Join(" / ", entity.Keys.Select(k => "[" + string.Join(", ", k) + "]"));

    private static string Set(IEnumerable<string> values) =>
        values.Any() ? "[" + string.Join(", ", values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)) + "]" : "none";
}
