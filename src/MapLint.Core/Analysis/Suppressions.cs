using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Analysis;

/// <summary>
/// Applies the suppressions written in a document: one on the document (or map) covers the whole file, one on
/// a mapping covers that mapping. Covered findings are kept and marked suppressed; a suppression that covers
/// nothing is reported, like ESLint's unused disable directives, so stale ones do not pile up.
/// </summary>
public static class Suppressions
{
    public static readonly DiagnosticDescriptor Unused = DiagnosticDescriptor.Create(
        "DIPV2009",
        "Unused suppression",
        "{0}",
        RuleCategory.Document,
        Severity.Warning);

    private sealed class Entry(Suppression suppression)
    {
        public Suppression Suppression { get; } = suppression;

        public bool Used { get; set; }
    }

    public static List<Diagnostic> Apply(MapLintDocument document, IReadOnlyList<Diagnostic> diagnostics, MapLintConfig config, DiagnosticBag bag) =>
        Apply(document, diagnostics, config, bag, [], null);

    /// <summary>
    /// The same, counting the document's omitted findings (those the findings cap did not create) into
    /// <see cref="OmittedTally.Suppressed"/>: a suppression matching only such a finding is used, as it would be
    /// had the finding been created. <paramref name="owns"/> says which omitted spans lie in this document (all when null).
    /// </summary>
    public static List<Diagnostic> Apply(MapLintDocument document, IReadOnlyList<Diagnostic> diagnostics, MapLintConfig config, DiagnosticBag bag, IReadOnlyList<OmittedTally> omitted, Func<TextSpan, bool>? owns)
    {
        var entries = document.Suppressions.Select(s => new Entry(s)).ToList();
        if (document is TableMap map)
        {
            entries.AddRange(map.Mappings.SelectMany(m => m.Suppressions).Select(s => new Entry(s)));
        }

        if (entries.Count == 0)
        {
            return diagnostics as List<Diagnostic> ?? [.. diagnostics];
        }

        foreach (var tally in omitted)
        {
            var ofRule = entries.Where(e => string.Equals(e.Suppression.Rule, tally.Group.Descriptor.Id, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofRule.Count == 0)
            {
                continue;
            }

            foreach (var span in tally.Group.Spans)
            {
                if (owns?.Invoke(span) == false)
                {
                    continue;
                }

                Entry? match = null;
                foreach (var entry in ofRule)
                {
                    if (entry.Suppression.Scope.Start <= span.Start && span.End <= entry.Suppression.Scope.End && (match is null || entry.Suppression.Scope.Length < match.Suppression.Scope.Length))
                    {
                        match = entry;
                    }
                }

                if (match is not null)
                {
                    match.Used = true;
                    tally.Suppressed++;
                }
            }
        }

        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            var entry = diagnostic.Id == Unused.Id
                ? null
                : entries.Where(e => string.Equals(e.Suppression.Rule, diagnostic.Id, StringComparison.OrdinalIgnoreCase) && e.Suppression.Scope.Start <= diagnostic.Location.Span.Start && diagnostic.Location.Span.End <= e.Suppression.Scope.End)
                    .OrderBy(e => e.Suppression.Scope.Length)
                    .FirstOrDefault();
            if (entry is null)
            {
                result.Add(diagnostic);
                continue;
            }

            entry.Used = true;
            result.Add(diagnostic.AsSuppressed(entry.Suppression.Justification));
        }

        foreach (var entry in entries.Where(e => !e.Used).Select(e => e.Suppression))
        {
            var descriptor = AnalyzerCatalog.Find(entry.Rule);
            if (descriptor is not null && config.IsDisabled(descriptor))
            {
                continue; // the rule does not run, so nothing could have matched
            }

            string message = descriptor is null
                ? $"'{entry.Rule}' is not a MapLint rule; remove this suppression."
                : $"This suppression of {descriptor.Id} matches no finding here; remove it.";
            bag.Add(Unused, entry.RuleSpan, entry.RulePath, AnalysisContext.Properties(("fix", "removeSuppression")), message);
        }

        return result;
    }
}
