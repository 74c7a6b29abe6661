using System.Collections.Immutable;
using MapLint.Text;

namespace MapLint.Diagnostics;

/// <summary>Collects the diagnostics of one document; not thread-safe, one bag per document.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> diagnostics = new();
    private Dictionary<string, (int Count, string Path, TextSpan Last)>? perRule;
    private List<OmittedFindings>? omitted;

    public DiagnosticBag(string path, SourceText? text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path findings are reported at: the file's, or an entry's inside it (a solution .zip's customizations.xml).</summary>
    public string Path { get; set; }

    public SourceText? Text { get; set; }

    /// <summary>
    /// True for the engine's bags of a file: once a rule has <see cref="FindingsCap.PerRulePerFile"/> findings here,
    /// a finding after all of them (by position) is only counted (<see cref="Omitted"/>), never created, since the
    /// cap would not show it. One that comes before one of them is created, so the cap keeps the same ones.
    /// </summary>
    public bool CapsFindings { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public IReadOnlyList<OmittedFindings> Omitted => (IReadOnlyList<OmittedFindings>?)omitted ?? [];

    public bool HasErrors => diagnostics.Exists(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic)
    {
        diagnostics.Add(diagnostic);
        if (CapsFindings)
        {
            Track(diagnostic.Id, diagnostic.Location.Path, diagnostic.Location.Span);
        }
    }

    public void Add(DiagnosticDescriptor descriptor, TextSpan span, string? jsonPath, params object?[] arguments) =>
        Add(descriptor, span, jsonPath, null, arguments);

    public void Add(DiagnosticDescriptor descriptor, TextSpan span, string? jsonPath, ImmutableDictionary<string, string>? properties, params object?[] arguments)
    {
        if (CapsFindings && perRule is not null && perRule.TryGetValue(descriptor.Id, out var known) && known.Count >= FindingsCap.PerRulePerFile && After(Path, span, known.Path, known.Last))
        {
            Omit(descriptor).Add(span, jsonPath, properties, arguments);
            return;
        }

        Add(Diagnostic.Create(descriptor, new Location(Path, Text, span), jsonPath, properties, arguments));
    }

    private void Track(string id, string path, TextSpan span)
    {
        perRule ??= new Dictionary<string, (int, string, TextSpan)>(StringComparer.Ordinal);
        if (perRule.TryGetValue(id, out var known))
        {
            perRule[id] = (known.Count + 1, After(path, span, known.Path, known.Last) ? path : known.Path, After(path, span, known.Path, known.Last) ? span : known.Last);
        }
        else
        {
            perRule[id] = (1, path, span);
        }
    }

    /// <summary>Strictly after in the order findings are reported in (path, start, end): such a finding cannot be among the first shown.</summary>
    private static bool After(string path, TextSpan span, string lastPath, TextSpan last)
    {
        int c = string.CompareOrdinal(path, lastPath);
        return c > 0 || (c == 0 && (span.Start > last.Start || (span.Start == last.Start && span.End > last.End)));
    }

    private OmittedFindings Omit(DiagnosticDescriptor descriptor)
    {
        omitted ??= [];
        foreach (var group in omitted)
        {
            if (group.Descriptor == descriptor && group.Path == Path && ReferenceEquals(group.Text, Text))
            {
                return group;
            }
        }

        var added = new OmittedFindings(descriptor, Path, Text);
        omitted.Add(added);
        return added;
    }
}
