using System.Text;

namespace MapLint.Text;

/// <summary>
/// The UTF-8 bytes of one document and a lazily built line table. Offsets are byte offsets so the parser
/// never has to transcode; columns are converted to characters only when a diagnostic is printed.
/// </summary>
public sealed class SourceText
{
    private int[]? lineStarts;

    public SourceText(byte[] utf8)
    {
        Utf8 = utf8;
    }

    public byte[] Utf8 { get; }

    public int Length => Utf8.Length;

    public static SourceText From(string text) => new(Encoding.UTF8.GetBytes(text));

    private int[] LineStarts => lineStarts ??= ComputeLineStarts(Utf8);

    public int LineCount => LineStarts.Length;

    private static int[] ComputeLineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        var span = bytes.AsSpan();
        int offset = 0;
        while (true)
        {
            int i = span[offset..].IndexOf((byte)'\n');
            if (i < 0)
            {
                break;
            }

            offset += i + 1;
            starts.Add(offset);
        }

        return starts.ToArray();
    }

    /// <summary>0-based line index holding the byte offset.</summary>
    public int GetLineIndex(int offset)
    {
        var starts = LineStarts;
        int index = Array.BinarySearch(starts, Math.Clamp(offset, 0, Length));
        return index >= 0 ? index : ~index - 1;
    }

    public int GetLineStart(int lineIndex) => LineStarts[lineIndex];

    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        int line = GetLineIndex(offset);
        int start = LineStarts[line];
        int column = Encoding.UTF8.GetCharCount(Utf8, start, offset - start);
        return new LinePosition(line + 1, column + 1);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The text of a 0-based line without its line break.</summary>
    public string GetLineText(int lineIndex)
    {
        int start = LineStarts[lineIndex];
        int end = lineIndex + 1 < LineStarts.Length ? LineStarts[lineIndex + 1] : Length;
        while (end > start && (Utf8[end - 1] == (byte)'\n' || Utf8[end - 1] == (byte)'\r'))
        {
            end--;
        }

        return Encoding.UTF8.GetString(Utf8, start, end - start);
    }

    public string GetText(TextSpan span) => Encoding.UTF8.GetString(Utf8, span.Start, Math.Min(span.End, Length) - span.Start);
}
