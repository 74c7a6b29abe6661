using MapLint.Model;
using MapLint.Text;

namespace MapLint.Analyzers.Filters;

/// <summary>
/// Maps character offsets inside a filter (the decoded JSON string) back to byte offsets in the file, walking
/// the raw string so escapes such as \" (common in query range expressions) keep positions exact.
/// </summary>
internal static class FilterSpans
{
    public static TextSpan ToFileSpan(MapFilter filter, SourceText text, int start, int end)
    {
        var offsets = filter.Syntax.CharOffsets ?? CharOffsets(filter, text);
        int Clamp(int i) => offsets[Math.Clamp(i, 0, offsets.Length - 1)];
        return TextSpan.FromBounds(Clamp(start), Clamp(Math.Max(end, start)));
    }

    private static int[] CharOffsets(MapFilter filter, SourceText text)
    {
        var bytes = text.Utf8;
        int position = filter.Syntax.Span.Start + 1;
        int end = filter.Syntax.Span.End - 1;
        var offsets = new List<int>(filter.Text.Length + 1);
        while (position < end)
        {
            byte b = bytes[position];
            if (b == (byte)'\\')
            {
                offsets.Add(position);
                position += position + 1 < end && bytes[position + 1] == (byte)'u' ? 6 : 2;
                continue;
            }

            int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            offsets.Add(position);
            if (length == 4)
            {
                // A supplementary character is two UTF-16 chars in the decoded string.
                offsets.Add(position);
            }

            position += length;
        }

        offsets.Add(end);
        return offsets.ToArray();
    }
}
