using System.Text;
using MapLint.Text;

namespace MapLint.Readers.ServiceRecords;

/// <summary>
/// Text that lives inside a string of the user's file (the JSON of <c>msdyn_mapping</c> inside a Web API record, or
/// inside an XML element of Customizations.xml), decoded, with where each of its bytes came from. Offsets into the
/// decoded text map back to byte offsets of the file through every layer of escapes, so a finding inside embedded
/// JSON points at the characters the user sees.
/// </summary>
internal sealed class EmbeddedText
{
    private readonly int[] origin;

    private EmbeddedText(byte[] utf8, int[] origin)
    {
        Utf8 = utf8;
        this.origin = origin;
    }

    /// <summary>Text whose every byte is placed at one file offset (when its exact origin cannot be traced).</summary>
    public static EmbeddedText Flat(byte[] utf8, int at)
    {
        var origin = new int[utf8.Length + 1];
        origin.AsSpan().Fill(at);
        return new EmbeddedText(utf8, origin);
    }

    /// <summary>The decoded text, UTF-8.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The file offset where the encoding of the decoded byte at <paramref name="offset"/> starts (the end of the content for the length).</summary>
    public int ToFile(int offset) => origin[Math.Clamp(offset, 0, origin.Length - 1)];

    public TextSpan ToFile(TextSpan span) => TextSpan.FromBounds(ToFile(span.Start), ToFile(span.End));

    /// <summary>
    /// File offsets of each UTF-16 character of the value of the JSON string literal at <paramref name="literal"/>
    /// (in this text), then its end: what a filter parser, which counts characters of the value, needs to point into
    /// the file. The literal's own escapes are walked, then each position is mapped through this text's.
    /// </summary>
    public int[] CharOffsets(TextSpan literal)
    {
        int position = literal.Start + 1;
        int end = Math.Max(position, literal.End - 1);
        var offsets = new List<int>(end - position + 1);
        while (position < end)
        {
            byte b = Utf8[position];
            if (b == (byte)'\\')
            {
                bool pair = position + 12 <= end && Utf8[position + 1] == (byte)'u' && Utf8[position + 6] == (byte)'\\' && IsHighSurrogateEscape(position);
                offsets.Add(ToFile(position));
                if (pair)
                {
                    offsets.Add(ToFile(position));
                }

                position += Utf8[position + 1] == (byte)'u' ? (pair ? 12 : 6) : 2;
                continue;
            }

            int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            offsets.Add(ToFile(position));
            if (length == 4)
            {
                offsets.Add(ToFile(position));
            }

            position += length;
        }

        offsets.Add(ToFile(end));
        return offsets.ToArray();
    }

    private bool IsHighSurrogateEscape(int position) =>
        TryHex(Utf8, position + 2, Utf8.Length, out int unit) && char.IsHighSurrogate((char)unit);

    /// <summary>
    /// The content of a JSON string literal (<paramref name="literal"/> spans its quotes) of <paramref name="bytes"/>,
    /// unescaped. <paramref name="outer"/> is the text <paramref name="bytes"/> was itself decoded from (double
    /// encoding), null when <paramref name="bytes"/> are the file's.
    /// </summary>
    public static EmbeddedText FromJsonString(byte[] bytes, TextSpan literal, EmbeddedText? outer)
    {
        int position = literal.Start + 1;
        int end = Math.Max(position, literal.End - 1);
        var decoded = new List<byte>(end - position);
        var from = new List<int>(end - position + 1);
        Span<byte> utf8 = stackalloc byte[4];
        while (position < end)
        {
            byte b = bytes[position];
            if (b != (byte)'\\' || position + 1 >= end)
            {
                decoded.Add(b);
                from.Add(position);
                position++;
                continue;
            }

            int start = position;
            byte escape = bytes[position + 1];
            if (escape == (byte)'u' && TryHex(bytes, position + 2, end, out int unit))
            {
                position += 6;
                int codePoint = unit;
                if (char.IsHighSurrogate((char)unit) && position + 6 <= end && bytes[position] == (byte)'\\' && bytes[position + 1] == (byte)'u'
                    && TryHex(bytes, position + 2, end, out int low) && char.IsLowSurrogate((char)low))
                {
                    codePoint = char.ConvertToUtf32((char)unit, (char)low);
                    position += 6;
                }
                else if (char.IsSurrogate((char)unit))
                {
                    codePoint = 0xFFFD;
                }

                int written = EncodeUtf8(codePoint, utf8);
                for (int k = 0; k < written; k++)
                {
                    decoded.Add(utf8[k]);
                    from.Add(start);
                }

                continue;
            }

            decoded.Add(escape switch
            {
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                _ => escape,
            });
            from.Add(start);
            position += 2;
        }

        from.Add(end);
        return Compose(decoded.ToArray(), from, outer);
    }

    /// <summary>
    /// The character content of an XML element, from the raw bytes between its start tag's '&gt;' and its end tag's
    /// '&lt;': character and entity references and CDATA sections decoded, comments dropped.
    /// </summary>
    public static EmbeddedText FromXmlContent(byte[] bytes, int start, int end)
    {
        var decoded = new List<byte>(end - start);
        var from = new List<int>(end - start + 1);
        Span<byte> utf8 = stackalloc byte[4];
        int position = start;
        while (position < end)
        {
            if (StartsWith(bytes, position, end, "<![CDATA["u8))
            {
                int close = IndexOf(bytes, position + 9, end, "]]>"u8);
                int stop = close < 0 ? end : close;
                for (int i = position + 9; i < stop; i++)
                {
                    decoded.Add(bytes[i]);
                    from.Add(i);
                }

                position = close < 0 ? end : close + 3;
                continue;
            }

            if (StartsWith(bytes, position, end, "<!--"u8))
            {
                int close = IndexOf(bytes, position + 4, end, "-->"u8);
                position = close < 0 ? end : close + 3;
                continue;
            }

            byte b = bytes[position];
            if (b == (byte)'&')
            {
                int semicolon = IndexOf(bytes, position + 1, Math.Min(end, position + 12), ";"u8);
                if (semicolon > 0 && Reference(Encoding.ASCII.GetString(bytes, position + 1, semicolon - position - 1)) is { } codePoint)
                {
                    int written = EncodeUtf8(codePoint, utf8);
                    for (int k = 0; k < written; k++)
                    {
                        decoded.Add(utf8[k]);
                        from.Add(position);
                    }

                    position = semicolon + 1;
                    continue;
                }
            }

            // XML normalizes line ends to \n; the CR of a CRLF is dropped.
            if (b == (byte)'\r')
            {
                position++;
                if (position < end && bytes[position] == (byte)'\n')
                {
                    continue;
                }

                decoded.Add((byte)'\n');
                from.Add(position - 1);
                continue;
            }

            decoded.Add(b);
            from.Add(position);
            position++;
        }

        from.Add(end);
        return new EmbeddedText(decoded.ToArray(), from.ToArray());
    }

    private static int? Reference(string name)
    {
        switch (name)
        {
            case "quot": return '"';
            case "amp": return '&';
            case "lt": return '<';
            case "gt": return '>';
            case "apos": return '\'';
        }

        try
        {
            int value = name.StartsWith("#x", StringComparison.OrdinalIgnoreCase)
                ? Convert.ToInt32(name[2..], 16)
                : name.StartsWith('#') ? int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture) : -1;
            return value is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? value : null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    private static EmbeddedText Compose(byte[] decoded, List<int> from, EmbeddedText? outer)
    {
        var origin = new int[from.Count];
        for (int i = 0; i < origin.Length; i++)
        {
            origin[i] = outer is null ? from[i] : outer.ToFile(from[i]);
        }

        return new EmbeddedText(decoded, origin);
    }

    private static int EncodeUtf8(int codePoint, Span<byte> utf8)
    {
        if (codePoint < 0x80)
        {
            utf8[0] = (byte)codePoint;
            return 1;
        }

        if (codePoint < 0x800)
        {
            utf8[0] = (byte)(0xC0 | (codePoint >> 6));
            utf8[1] = (byte)(0x80 | (codePoint & 0x3F));
            return 2;
        }

        if (codePoint < 0x10000)
        {
            utf8[0] = (byte)(0xE0 | (codePoint >> 12));
            utf8[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            utf8[2] = (byte)(0x80 | (codePoint & 0x3F));
            return 3;
        }

        utf8[0] = (byte)(0xF0 | (codePoint >> 18));
        utf8[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
        utf8[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
        utf8[3] = (byte)(0x80 | (codePoint & 0x3F));
        return 4;
    }

    private static bool TryHex(byte[] bytes, int start, int end, out int value)
    {
        value = 0;
        if (start + 4 > end)
        {
            return false;
        }

        for (int i = start; i < start + 4; i++)
        {
            int digit = bytes[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => bytes[i] - '0',
                >= (byte)'a' and <= (byte)'f' => bytes[i] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => bytes[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static bool StartsWith(byte[] bytes, int position, int end, ReadOnlySpan<byte> prefix) =>
        position + prefix.Length <= end && bytes.AsSpan(position, prefix.Length).SequenceEqual(prefix);

    private static int IndexOf(byte[] bytes, int start, int end, ReadOnlySpan<byte> value)
    {
        if (start >= end)
        {
            return -1;
        }

        int i = bytes.AsSpan(start, end - start).IndexOf(value);
        return i < 0 ? -1 : start + i;
    }
}
