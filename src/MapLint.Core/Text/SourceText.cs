using System.Text;

namespace MapLint.Text;

/// <summary>
/// The UTF-8 bytes of one document and a lazily built line table. Offsets are byte offsets so the parser
/// never has to transcode; columns are converted to characters only when a diagnostic is printed.
/// </summary>
public sealed class SourceText
{
    private int[]? lineStarts;
    private byte[]? utf8;
    private Func<byte[]?>? reload;
    private bool ascii;

    public SourceText(byte[] utf8)
    {
        this.utf8 = utf8;
        Length = utf8.Length;
    }

    /// <summary>The bytes; read again from the file when they were released (only to show a source line).</summary>
    public byte[] Utf8 => utf8 ?? Reload();

    public int Length { get; }

    /// <summary>
    /// Lets the bytes go once the document is bound and checked, keeping the line table: for ASCII text a
    /// position needs nothing else, and the few source lines a report shows are read again from the file.
    /// Thousands of maps and metadata files then cost their line tables, not their text. Returns false (and
    /// keeps the bytes) for text that is not ASCII.
    /// </summary>
    public bool Release(Func<byte[]?> readAgain)
    {
        var bytes = utf8;
        if (bytes is null)
        {
            return true;
        }

        foreach (byte b in bytes)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        _ = LineStarts;
        reload = readAgain;
        utf8 = null;
        return true;
    }

    private byte[] Reload()
    {
        // A file changed or deleted since it was checked gives blank lines rather than wrong positions.
        var bytes = reload?.Invoke();
        if (bytes is null || bytes.Length != Length)
        {
            bytes = new byte[Length];
            bytes.AsSpan().Fill((byte)' ');
        }

        return utf8 = bytes;
    }

    public static SourceText From(string text) => new(Encoding.UTF8.GetBytes(text));

    private int[] LineStarts => lineStarts ??= ComputeLineStarts(Utf8, out ascii);

    // Columns count characters: for ASCII text that is the byte distance, with no need for the bytes. Otherwise
    // the count goes on from the last position asked on the same line (findings come in order), so a minified
    // one-line file with many findings is counted once, not once per finding.
    private int ColumnOf(int start, int offset)
    {
        if (ascii)
        {
            return offset - start;
        }

        var memo = columnMemo;
        int chars = memo is not null && memo.LineStart == start && memo.Offset <= offset
            ? memo.Chars + Encoding.UTF8.GetCharCount(Utf8, memo.Offset, offset - memo.Offset)
            : Encoding.UTF8.GetCharCount(Utf8, start, offset - start);
        columnMemo = new ColumnMemo(start, offset, chars);
        return chars;
    }

    private ColumnMemo? columnMemo;

    private sealed record ColumnMemo(int LineStart, int Offset, int Chars);

    public int LineCount => LineStarts.Length;

    private static int[] ComputeLineStarts(byte[] bytes, out bool ascii)
    {
        ascii = true;
        foreach (byte b in bytes)
        {
            if (b >= 0x80)
            {
                ascii = false;
                break;
            }
        }

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
        int column = ColumnOf(start, offset);
        return new LinePosition(line + 1, column + 1);
    }

    /// <summary>
    /// The byte offset of a 1-based line and column, columns counted in UTF-16 characters (as XmlReader and
    /// <see cref="GetLinePosition"/> count them); clamped to the line's end and the text's.
    /// </summary>
    public int GetOffset(int line, int column)
    {
        if (line <= 0)
        {
            return 0;
        }

        int offset = LineStarts[Math.Min(line, LineStarts.Length) - 1];
        var bytes = Utf8;
        for (int chars = 1; chars < column && offset < bytes.Length && bytes[offset] != (byte)'\n';)
        {
            byte b = bytes[offset];
            int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            chars += length == 4 ? 2 : 1;
            offset += length;
        }

        return Math.Min(offset, bytes.Length);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The length in bytes of a 0-based line, its line break included, without decoding it.</summary>
    public int GetLineByteLength(int lineIndex) =>
        (lineIndex + 1 < LineStarts.Length ? LineStarts[lineIndex + 1] : Length) - LineStarts[lineIndex];

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
