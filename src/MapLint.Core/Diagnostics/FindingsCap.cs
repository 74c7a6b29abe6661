using System.Globalization;

namespace MapLint.Diagnostics;

/// <summary>
/// At most <see cref="PerRulePerFile"/> findings of one rule in one file, like a compiler's error limit: the rest
/// are counted into one DIPV2013 finding ("and N more of DIPVxxxx") at the first one left out, carrying their
/// severity, so the exit code and the summary still say what they would. A generated map with a finding on each
/// of a million mappings gives a report one can read, in bounded size.
/// </summary>
public static class FindingsCap
{
    public const int PerRulePerFile = 1000;

    public static readonly DiagnosticDescriptor MoreFindings = DiagnosticDescriptor.Create(
        "DIPV2013",
        "More findings of a rule than are shown",
        "...and {0} more of {1} in this file, not shown (MapLint shows the first {2} of a rule per file); fix those above and check again.",
        RuleCategory.Document,
        Severity.Info);

    /// <summary>The findings of one file (any order), capped per rule; the list is returned as it is when no rule is over the cap.</summary>
    public static List<Diagnostic> Apply(List<Diagnostic> findings)
    {
        if (findings.Count <= PerRulePerFile)
        {
            return findings;
        }

        var perRule = new Dictionary<string, int>(StringComparer.Ordinal);
        bool over = false;
        foreach (var finding in findings)
        {
            int n = perRule[finding.Id] = perRule.GetValueOrDefault(finding.Id) + 1;
            over |= n > PerRulePerFile;
        }

        if (!over)
        {
            return findings;
        }

        findings.Sort(DiagnosticComparer.Instance);
        var kept = new List<Diagnostic>();
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        var omitted = new Dictionary<string, (Diagnostic First, int Count, Severity Worst)>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            int n = shown[finding.Id] = shown.GetValueOrDefault(finding.Id) + 1;
            if (n <= PerRulePerFile || finding.Id == MoreFindings.Id)
            {
                kept.Add(finding);
            }
            else if (omitted.TryGetValue(finding.Id, out var o))
            {
                omitted[finding.Id] = (o.First, o.Count + 1, Worse(o.Worst, finding));
            }
            else
            {
                omitted[finding.Id] = (finding, 1, Worse(Severity.Info, finding));
            }
        }

        foreach (var (id, (first, count, worst)) in omitted.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var summary = Diagnostic.Create(MoreFindings, first.Location, first.JsonPath, null, count.ToString("N0", CultureInfo.InvariantCulture), id, PerRulePerFile.ToString("N0", CultureInfo.InvariantCulture));
            kept.Add(summary.WithSeverity(worst));
        }

        return kept;
    }

    private static Severity Worse(Severity current, Diagnostic finding) =>
        !finding.IsSuppressed && finding.Severity > current ? finding.Severity : current;
}
