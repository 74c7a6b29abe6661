using MapLint.Text;

namespace MapLint.Diagnostics;

/// <summary>A place in a document: its path as shown to the user, the text and the byte span.</summary>
public sealed class Location
{
    public Location(string path, SourceText? text, TextSpan span)
    {
        Path = path;
        Text = text;
        Span = span;
        LineSpan = text?.GetLinePositionSpan(span) ?? new LinePositionSpan(new LinePosition(1, 1), new LinePosition(1, 1));
    }

    public string Path { get; }

    public SourceText? Text { get; }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    public static Location FileOnly(string path) => new(path, null, default);
}
