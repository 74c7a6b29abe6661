using System.Text;

namespace MapLint.Syntax;

/// <summary>
/// Short strings seen while parsing, one instance per distinct text: property names and field names repeat in
/// every mapping of every map, and one string for each occurrence was most of the parser's allocation. A small
/// direct-mapped cache per thread, so it needs no lock and its size is bounded whatever the input.
/// </summary>
internal sealed class NameTable
{
    private const int Size = 4096;
    private const int MaxLength = 48;

    [ThreadStatic]
    private static NameTable? current;

    private readonly string?[] entries = new string?[Size];

    public static NameTable Current => current ??= new NameTable();

    /// <summary>The text of unescaped UTF-8 bytes; from the cache when they are short ASCII seen before.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        uint hash = 2166136261;
        foreach (byte b in utf8)
        {
            if (b >= 0x80)
            {
                return Encoding.UTF8.GetString(utf8); // only ASCII is compared byte for char below
            }

            hash = (hash ^ b) * 16777619;
        }

        ref string? slot = ref entries[hash & (Size - 1)];
        if (slot is { } cached && Matches(cached, utf8))
        {
            return cached;
        }

        return slot = Encoding.UTF8.GetString(utf8);
    }

    private static bool Matches(string text, ReadOnlySpan<byte> ascii)
    {
        if (text.Length != ascii.Length)
        {
            return false;
        }

        for (int i = 0; i < ascii.Length; i++)
        {
            if (text[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }
}
