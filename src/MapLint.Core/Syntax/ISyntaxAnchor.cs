using MapLint.Text;

namespace MapLint.Syntax;

/// <summary>
/// Where a finding points: a span and its JSON path. Syntax nodes are anchors, and so are the parts of a bound
/// table map, which let go of their syntax tree once bound and compute their path from their place in the model.
/// </summary>
public interface ISyntaxAnchor
{
    TextSpan Span { get; }

    /// <summary>The JSON path, e.g. <c>$.mappings[2].source</c>.</summary>
    string Path { get; }
}
