using System.Text.RegularExpressions;
using MapLint.Analysis;
using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;
using MapLint.Semantics;
using MapLint.Text;

namespace MapLint.Engine;

/// <summary>Runs analyzer actions on documents, and turns a file's findings into what is reported.</summary>
internal static class RuleRunner
{
    public static void Analyze(MapLintDocument document, SemanticModel model, List<(Analyzer Analyzer, AnalysisRegistration Registration)> registrations, DiagnosticBag bag)
    {
        foreach (var (analyzer, registration) in registrations)
        {
            try
            {
                switch (document)
                {
                    case ConnectionSet set:
                        foreach (var action in registration.ConnectionSetActions)
                        {
                            action(new ConnectionSetAnalysisContext(model, set, bag));
                        }

                        break;
                    case Project project:
                        foreach (var action in registration.ProjectActions)
                        {
                            action(new ProjectAnalysisContext(model, project, bag));
                        }

                        break;
                }
            }
            catch (Exception ex)
            {
                // One broken analyzer must not hide the findings of the others: report it on the document and go on.
                string kind = document.Kind == DocumentKind.Project ? "project" : document.Kind == DocumentKind.ConnectionSet ? "connection set" : "document";
                bag.Add(EngineRules.ProjectAnalyzerException, document.NameSpan, "$.name", analyzer.Name, kind, ex.GetType().Name, EngineRules.Where(ex));
            }
        }
    }

    /// <summary>
    /// A map and each of its mappings get one context that every action shares (contexts hold no state of an
    /// action's own): a thousand maps of a hundred mappings made two million contexts when each action had its own.
    /// </summary>
    public static void AnalyzeTableMap(TableMap map, SemanticModel model, List<(Analyzer Analyzer, AnalysisRegistration Registration)> registrations, DiagnosticBag bag)
    {
        var mapContext = new TableMapAnalysisContext(model, map, bag);
        var failed = new bool[registrations.Count];
        for (int r = 0; r < registrations.Count; r++)
        {
            foreach (var action in registrations[r].Registration.TableMapActions)
            {
                Run(r, action, mapContext);
            }
        }

        foreach (var mapping in map.Mappings)
        {
            FieldMappingAnalysisContext? context = null;
            for (int r = 0; r < registrations.Count; r++)
            {
                foreach (var action in registrations[r].Registration.FieldMappingActions)
                {
                    Run(r, action, context ??= new FieldMappingAnalysisContext(model, mapping, bag));
                }
            }
        }

        // An analyzer that throws is reported once on the map and not run again on it.
        void Run<TContext>(int r, Action<TContext> action, TContext context)
        {
            if (failed[r])
            {
                return;
            }

            try
            {
                action(context);
            }
            catch (Exception ex)
            {
                failed[r] = true;
                bag.Add(EngineRules.TableMapAnalyzerException, map.NameSpan, "$.name", registrations[r].Analyzer.Name, ex.GetType().Name, EngineRules.Where(ex));
            }
        }
    }

    public static void ReportDuplicateNames(List<MapLintDocument> documents, Dictionary<MapLintDocument, DiagnosticBag> bagOf)
    {
        var groups = documents
            .Where(d => d.Kind != DocumentKind.EntityMetadata && d.Name.Length > 0)
            .GroupBy(d => (d.Kind, Name: d.Name.ToUpperInvariant(), (d as TableMap)?.Deployment))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(d => d.File.DisplayPath, StringComparer.Ordinal).ThenBy(d => d.NameSpan.Start).ToList();
            string kindName = DocumentKinds.All.First(k => k.Kind == group.Key.Kind).Name;
            foreach (var duplicate in ordered.Skip(1))
            {
                bagOf[duplicate].Add(DocumentRules.DuplicateName, duplicate.NameSpan, "$.name", kindName, duplicate.Name, ordered[0].File.DisplayPath);
            }
        }
    }

    /// <summary>
    /// A file's findings as reported: configured severities (rules set to none dropped), each document's
    /// suppressions (unused ones reported), and a logical location on each.
    /// </summary>
    public static IEnumerable<Diagnostic> Finish(DocumentSummary summary, IReadOnlyList<Diagnostic> spanning, MapLintConfig config) =>
        Finish(summary, spanning, [], config, []);

    /// <summary>
    /// The same, with the findings the capped bags only counted (<see cref="OmittedFindings"/>): their configured
    /// severity and suppressions go into <paramref name="tallies"/>, for <see cref="FindingsCap"/>.
    /// </summary>
    public static IEnumerable<Diagnostic> Finish(DocumentSummary summary, IReadOnlyList<Diagnostic> spanning, IReadOnlyList<OmittedFindings> spanningOmitted, MapLintConfig config, List<OmittedTally> tallies)
    {
        string fullPath = summary.File.FullPath;
        var configured = Configure(summary.Findings.Concat(spanning), config, fullPath);
        foreach (var group in summary.Omitted.Concat(spanningOmitted))
        {
            if (config.SeverityOf(group.Descriptor, fullPath) is { } severity)
            {
                tallies.Add(new OmittedTally(group, severity));
            }
        }

        var documents = summary.Documents;
        if (documents.Count > 0)
        {
            var unused = new DiagnosticBag(summary.File.DisplayPath, summary.Text);
            if (documents.Count == 1)
            {
                configured = Suppressions.Apply(documents[0], configured, config, unused, tallies, null);
            }
            else
            {
                // Several documents in one file: each document's suppressions cover the findings inside it.
                var result = configured.Where(d => OwnerOf(documents, d) is null).ToList();
                foreach (var document in documents)
                {
                    result.AddRange(Suppressions.Apply(document, configured.Where(d => ReferenceEquals(OwnerOf(documents, d), document)).ToList(), config, unused, tallies, span => ReferenceEquals(OwnerOf(documents, span), document)));
                }

                configured = result;
            }

            configured.AddRange(Configure(unused.Diagnostics, config, fullPath));
        }

        return configured.Select(d =>
        {
            var owner = documents.Count == 1 ? documents[0] : OwnerOf(documents, d);
            return Readers.ServiceRecords.ServiceDocuments.Describe(owner, d.WithLogicalLocation(LogicalLocation(owner, d)));
        });
    }

    /// <summary>The innermost document holding the finding (a project document's maps lie inside the project).</summary>
    private static MapLintDocument? OwnerOf(IReadOnlyList<MapLintDocument> documents, Diagnostic diagnostic) => OwnerOf(documents, diagnostic.Location.Span);

    private static MapLintDocument? OwnerOf(IReadOnlyList<MapLintDocument> documents, TextSpan span)
    {
        MapLintDocument? owner = null;
        foreach (var d in documents)
        {
            if (d.Root.Span.Start <= span.Start && span.End <= d.Root.Span.End && (owner is null || d.Root.Span.Length < owner.Root.Span.Length))
            {
                owner = d;
            }
        }

        return owner;
    }

    /// <summary>Applies the severities configured for the file (.editorconfig path sections); findings of rules set to none are dropped.</summary>
    private static List<Diagnostic> Configure(IEnumerable<Diagnostic> diagnostics, MapLintConfig config, string fullPath)
    {
        var result = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (config.SeverityOf(diagnostic.Descriptor, fullPath) is { } severity)
            {
                result.Add(severity == diagnostic.Severity ? diagnostic : diagnostic.WithSeverity(severity));
            }
        }

        return result;
    }


    /// <summary>
    /// A place that survives unrelated edits: the document's kind and name, then the mapping's two fields when
    /// the finding is inside a mapping, else the JSON path with array indexes removed.
    /// </summary>
    private static string LogicalLocation(MapLintDocument? document, Diagnostic diagnostic)
    {
        if (document is null)
        {
            return "file";
        }

        string owner = DocumentKinds.All.First(k => k.Kind == document.Kind).Name + ":" + document.Name;
        var span = diagnostic.Location.Span;
        if (document is TableMap map && MappingAt(map.Mappings, span) is { } mapping)
        {
            return $"{owner}/mapping:{mapping.Source?.Text}|{mapping.Destination?.Text}";
        }

        return owner + "/" + ArrayIndex.Replace(diagnostic.JsonPath ?? "$", "[]");
    }

    /// <summary>
    /// The mapping whose span holds <paramref name="span"/>, by binary search over the mappings (in document order,
    /// not overlapping): a map with a finding on each of its 100,000 mappings is linear, not mappings × findings.
    /// </summary>
    internal static FieldMapping? MappingAt(IReadOnlyList<FieldMapping> mappings, TextSpan span)
    {
        int low = 0, high = mappings.Count - 1, found = -1;
        while (low <= high)
        {
            int mid = low + ((high - low) / 2);
            if (mappings[mid].Span.Start <= span.Start)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found >= 0 && span.End <= mappings[found].Span.End ? mappings[found] : null;
    }

    private static readonly Regex ArrayIndex = new(@"\[\d+\]", RegexOptions.CultureInvariant);
}
