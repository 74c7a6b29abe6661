namespace MapLint.Text;

/// <summary>A range of UTF-8 byte offsets in a <see cref="SourceText"/>: [Start, End).</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(start, end));
}

/// <summary>A 1-based line and column, columns counted in UTF-16 characters as Roslyn and VS Code count them.</summary>
public readonly record struct LinePosition(int Line, int Column);

public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
