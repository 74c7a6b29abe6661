using System.Collections.Immutable;
using MapLint.Text;

namespace MapLint.Diagnostics;

/// <summary>
/// Findings of one rule that a capped <see cref="DiagnosticBag"/> did not create, because the file already has
/// <see cref="FindingsCap.PerRulePerFile"/> findings of the rule before them: only their spans are kept (for
/// suppressions, which still count as used when they match one), and the first of them by position whole, for the
/// place of the "…and N more" finding. Message formatting, redaction and line positions are never paid for them.
/// </summary>
public sealed class OmittedFindings
{
    private readonly List<TextSpan> spans = [];
    private readonly List<(Location Location, string? JsonPath, ImmutableDictionary<string, string>? Properties, object?[] Arguments)> first = [];

    internal OmittedFindings(DiagnosticDescriptor descriptor, string path, SourceText? text)
    {
        Descriptor = descriptor;
        Path = path;
        Text = text;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The path the findings are reported at (the file's, or an archive entry's).</summary>
    public string Path { get; }

    public SourceText? Text { get; }

    public IReadOnlyList<TextSpan> Spans => spans;

    public int Count => spans.Count;

    internal void Add(TextSpan span, string? jsonPath, ImmutableDictionary<string, string>? properties, object?[] arguments)
    {
        spans.Add(span);
        int order = first.Count == 0 ? -1 : Compare(span, first[0].Location.Span);
        if (order < 0)
        {
            first.Clear();
        }

        if (order <= 0)
        {
            // Several at the first span: their messages decide which is first, as DiagnosticComparer orders them.
            // The location is taken now, while the text is loaded (a compacted map's text is let go before the cap runs).
            first.Add((new Location(Path, Text, span), jsonPath, properties, arguments));
        }
    }

    /// <summary>The findings at the first span, created now (one, but for findings sharing that span).</summary>
    public IEnumerable<Diagnostic> First() =>
        first.Select(f => Diagnostic.Create(Descriptor, f.Location, f.JsonPath, f.Properties, f.Arguments));

    private static int Compare(TextSpan x, TextSpan y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End);
}
