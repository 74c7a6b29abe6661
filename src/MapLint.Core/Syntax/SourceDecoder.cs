using System.Text;
using MapLint.Diagnostics;
using MapLint.Text;

namespace MapLint.Syntax;

/// <summary>
/// Turns a file's raw bytes into UTF-8 source text: strips a UTF-8 BOM, transcodes UTF-16 with a BOM, and
/// reports binary content or invalid UTF-8 with the offset where it starts.
/// </summary>
public static class SourceDecoder
{
    public static SourceText? Decode(byte[] bytes, DiagnosticBag bag)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            bag.Add(SyntaxRules.UnsupportedEncoding, default, null, "The file is UTF-32 encoded; save it as UTF-8.");
            return null;
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = span[3..].ToArray();
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // UTF-16 with a BOM is unambiguous: transcode once so positions are computed on the same characters the user sees.
            var encoding = span[0] == 0xFF ? (Encoding)new UnicodeEncoding(false, true, true) : new UnicodeEncoding(true, true, true);
            try
            {
                bytes = Encoding.UTF8.GetBytes(encoding.GetString(bytes, 2, bytes.Length - 2));
            }
            catch (DecoderFallbackException)
            {
                bag.Add(SyntaxRules.UnsupportedEncoding, default, null, "The file starts with a UTF-16 byte order mark but is not valid UTF-16; save it as UTF-8.");
                return null;
            }
        }

        var text = new SourceText(bytes);
        bag.Text = text;

        int nul = bytes.AsSpan().IndexOf((byte)0);
        if (nul >= 0)
        {
            bag.Add(SyntaxRules.UnsupportedEncoding, new TextSpan(nul, nul + 1), null, "The file contains NUL bytes: it is binary, or UTF-16 without a byte order mark. MapLint reads UTF-8 JSON.");
            return null;
        }

        if (FirstInvalidUtf8(bytes) is { } offset)
        {
            bag.Add(SyntaxRules.UnsupportedEncoding, new TextSpan(offset, offset + 1), null, "The file is not valid UTF-8 (first bad byte at offset " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + "); save it as UTF-8.");
            return null;
        }

        return text;
    }

    /// <summary>Offset of the first byte that is not valid UTF-8, or null when the whole file is valid.</summary>
    private static int? FirstInvalidUtf8(byte[] bytes)
    {
#if NET
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
#else
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            return ex.Index;
        }
#endif
    }

#if !NET
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
#endif
}
