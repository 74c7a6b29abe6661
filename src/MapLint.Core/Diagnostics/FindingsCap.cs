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
    public static List<Diagnostic> Apply(List<Diagnostic> findings) => Apply(findings, []);

    /// <summary>
    /// The same, with the findings the capped bags did not create (<paramref name="omitted"/>): each lies after the
    /// first <see cref="PerRulePerFile"/> of its rule, so it is counted into the summary, with its severity unless
    /// suppressed, and its place is the summary's when it is the first left out. The output is the one the findings
    /// would give had they all been created.
    /// </summary>
    public static List<Diagnostic> Apply(List<Diagnostic> findings, IReadOnlyList<OmittedTally> omitted)
    {
        if (findings.Count <= PerRulePerFile && omitted.Count == 0)
        {
            return findings;
        }

        var perRule = new Dictionary<string, int>(StringComparer.Ordinal);
        bool over = omitted.Count > 0;
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
        var left = new Dictionary<string, (Diagnostic First, int Count, Severity Worst)>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            int n = shown[finding.Id] = shown.GetValueOrDefault(finding.Id) + 1;
            if (n <= PerRulePerFile || finding.Id == MoreFindings.Id)
            {
                kept.Add(finding);
            }
            else if (left.TryGetValue(finding.Id, out var o))
            {
                left[finding.Id] = (o.First, o.Count + 1, Worse(o.Worst, finding));
            }
            else
            {
                left[finding.Id] = (finding, 1, Worse(Severity.Info, finding));
            }
        }

        foreach (var tally in omitted)
        {
            var candidate = tally.Group.First().OrderBy(d => d, DiagnosticComparer.Instance).First();
            var severity = tally.Suppressed < tally.Group.Count ? tally.Severity : Severity.Info;
            if (left.TryGetValue(tally.Group.Descriptor.Id, out var o))
            {
                left[tally.Group.Descriptor.Id] = (DiagnosticComparer.Instance.Compare(candidate, o.First) < 0 ? candidate : o.First, o.Count + tally.Group.Count, severity > o.Worst ? severity : o.Worst);
            }
            else
            {
                left[tally.Group.Descriptor.Id] = (candidate, tally.Group.Count, severity);
            }
        }

        foreach (var (id, (first, count, worst)) in left.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var summary = Diagnostic.Create(MoreFindings, first.Location, first.JsonPath, null, count.ToString("N0", CultureInfo.InvariantCulture), id, PerRulePerFile.ToString("N0", CultureInfo.InvariantCulture));
            kept.Add(summary.WithSeverity(worst));
        }

        return kept;
    }

    private static Severity Worse(Severity current, Diagnostic finding) =>
        !finding.IsSuppressed && finding.Severity > current ? finding.Severity : current;
}

/// <summary>Omitted findings of one rule in one file once severities and suppressions are applied: what the cap's summary needs of them.</summary>
public sealed class OmittedTally(OmittedFindings group, Severity severity)
{
    public OmittedFindings Group { get; } = group;

    /// <summary>The rule's severity configured for the file.</summary>
    public Severity Severity { get; } = severity;

    /// <summary>How many of them a suppression covers.</summary>
    public int Suppressed { get; set; }
}
