using System.Text;

namespace MapLint.Fuzzing;

/// <summary>
/// Byte-level mutations as a careless editor, a broken transfer or an attacker make them: flipped bits, inserted,
/// deleted and duplicated runs, truncation, a splice with another file, invalid UTF-8, byte order marks, huge
/// numbers, deep nesting, injection names and huge tokens. Driven by one seed, so a failing case is reproduced
/// from the number the test prints.
/// </summary>
public static class ByteMutator
{
    public const int KindCount = 13;

    public static readonly string[] KindNames =
        ["flip", "insert", "delete", "duplicate", "truncate", "splice", "invalid-utf8", "bom", "huge-number", "deep-nesting", "injection", "huge-token", "zip-entry"];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3],
    ];

    private static readonly byte[][] Boms =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF],
    ];

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e-400", new string('9', 400), "18446744073709551616", "-9223372036854775809", "2147483648", "1.7976931348623157e309", "0x7FFFFFFF", "NaN", "-Infinity", "1" + new string('0', 5000), "0." + new string('0', 3000) + "1",
    ];

    private static readonly string[] Injections =
    [
        "\nforged.json(1,1): error DIPV9999: forged finding\n",
        "\n##vso[task.setvariable variable=evil]1\n",
        "##[error]forged",
        "\n::error file=forged.json,line=1::forged\n",
        "\u001b[31mred\u001b]0;title\u0007",
        "\u202Eevil\u2066",
        "\r\nerror MSB4018: forged\r\n",
        "\u0000\u0001\u0008\u007F\u0085",
        "\\n\\u001b",
        "<![CDATA[]]>&amp;<script>",
    ];

    private static readonly string[] Openers = ["[", "{\"a\":", "<a>", "(", "begin ", "[{\"x\":[", "\"a\":{"];

    /// <summary>Applies one to three mutations chosen by <paramref name="seed"/>; <paramref name="other"/> is the splice partner.</summary>
    public static (byte[] Bytes, string Description) Mutate(byte[] input, byte[] other, int seed, bool isZip = false)
    {
        var random = new Random(seed);
        var bytes = input;
        var done = new List<string>();
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++)
        {
            int kind = random.Next(KindCount);
            if (isZip && kind == 12)
            {
                bytes = MutateZipEntry(bytes, other, random);
            }
            else
            {
                bytes = MutateOnce(bytes, other, kind, random);
            }

            done.Add(KindNames[kind]);
        }

        return (bytes, string.Join("+", done));
    }

    private static byte[] MutateOnce(byte[] bytes, byte[] other, int kind, Random random)
    {
        int at = bytes.Length == 0 ? 0 : random.Next(bytes.Length + 1);
        int length = Math.Min(bytes.Length - at, 1 + random.Next(random.Next(2) == 0 ? 8 : 200));
        switch (kind)
        {
            case 0 when bytes.Length > 0:
                var flipped = (byte[])bytes.Clone();
                flipped[Math.Min(at, bytes.Length - 1)] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 1:
                var inserted = new byte[1 + random.Next(8)];
                random.NextBytes(inserted);
                return Splice(bytes, at, 0, inserted);
            case 2:
                return Splice(bytes, at, length, []);
            case 3:
                return Splice(bytes, at, 0, bytes.AsSpan(at, length).ToArray());
            case 4:
                return bytes.AsSpan(0, at).ToArray();
            case 5:
                int from = other.Length == 0 ? 0 : random.Next(other.Length);
                return FuzzCorpus.Concat(bytes.AsSpan(0, at).ToArray(), other.AsSpan(from).ToArray());
            case 6:
                return Splice(bytes, at, random.Next(2), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
            case 7:
                // Mostly at the start, where a byte order mark belongs; sometimes in the middle.
                return Splice(bytes, random.Next(4) == 0 ? at : 0, 0, Boms[random.Next(Boms.Length)]);
            case 8:
                return ReplaceNumber(bytes, at, HugeNumbers[random.Next(HugeNumbers.Length)]);
            case 9:
                string opener = Openers[random.Next(Openers.Length)];
                int depth = random.Next(4) switch { 0 => 100, 1 => 1_000, 2 => 10_000, _ => 100_000 };
                return Splice(bytes, at, 0, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(opener, depth))));
            case 10:
                // Inside a string mostly: just after a quote or a '>' when there is one after the position.
                int quote = bytes.AsSpan(at).IndexOfAny((byte)'"', (byte)'>');
                int into = quote < 0 ? at : at + quote + 1;
                return Splice(bytes, into, 0, Encoding.UTF8.GetBytes(Injections[random.Next(Injections.Length)]));
            case 11:
                char c = "a\\\"<&1 é"[random.Next(8)];
                return Splice(bytes, at, length, Encoding.UTF8.GetBytes(new string(c, random.Next(2) == 0 ? 5_000 : 300_000)));
            default:
                return Splice(bytes, at, 0, [(byte)random.Next(256)]);
        }
    }

    /// <summary>A zipped solution with its customizations.xml mutated and zipped again (raw bytes of a zip mostly fail its checksums).</summary>
    private static byte[] MutateZipEntry(byte[] zip, byte[] other, Random random)
    {
        try
        {
            using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip), System.IO.Compression.ZipArchiveMode.Read);
            var entries = archive.Entries.Select(e =>
            {
                using var stream = e.Open();
                var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return (e.FullName, Content: buffer.ToArray());
            }).ToList();
            int pick = entries.FindIndex(e => e.FullName.Equals("customizations.xml", StringComparison.OrdinalIgnoreCase));
            pick = pick < 0 || random.Next(4) == 0 ? random.Next(entries.Count) : pick;
            entries[pick] = (entries[pick].FullName, MutateOnce(entries[pick].Content, other, random.Next(KindCount - 1), random));
            return FuzzCorpus.Zip(entries.ToArray());
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            // Already broken by an earlier raw mutation: break it further.
            return MutateOnce(zip, other, random.Next(KindCount - 1), random);
        }
    }

    private static byte[] ReplaceNumber(byte[] bytes, int at, string number)
    {
        int start = bytes.AsSpan(at).IndexOfAnyInRange((byte)'0', (byte)'9');
        if (start < 0)
        {
            return Splice(bytes, at, 0, Encoding.ASCII.GetBytes(number));
        }

        start += at;
        int end = start;
        while (end < bytes.Length && (char.IsAsciiDigit((char)bytes[end]) || bytes[end] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'-' or (byte)'+'))
        {
            end++;
        }

        return Splice(bytes, start, end - start, Encoding.ASCII.GetBytes(number));
    }

    private static byte[] Splice(byte[] bytes, int at, int remove, byte[] insert)
    {
        at = Math.Clamp(at, 0, bytes.Length);
        remove = Math.Clamp(remove, 0, bytes.Length - at);
        return FuzzCorpus.Concat(bytes.AsSpan(0, at).ToArray(), insert, bytes.AsSpan(at + remove).ToArray());
    }
}
