namespace MapLint.Util;

/// <summary>Why a read was refused: too large (DIPV2005), or anything else that makes the file unreadable (DIPV2004).</summary>
public enum ReadRefusal
{
    Unreadable,
    TooLarge,
}

/// <summary>A read MapLint refused or that failed; the message is one line, without the library's exception text.</summary>
public sealed class UnsafeReadException(ReadRefusal refusal, string message) : Exception(message)
{
    public ReadRefusal Refusal { get; } = refusal;
}

/// <summary>
/// The one way MapLint reads a file it was pointed at: only a regular file (a FIFO would block forever, a device
/// such as /dev/zero never ends), never more than the limit (counted on the bytes read: a device reports length 0),
/// and never outside <c>root</c> (the git root, or the folder of the maplint.json found), whichever symbolic links
/// or <c>..</c> lead there, so a committed link cannot make MapLint print a file from elsewhere on the machine.
/// </summary>
public static class SafeFileReader
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>The whole file, or <see cref="UnsafeReadException"/>.</summary>
    public static byte[] Read(string path, long maxBytes = DefaultMaxBytes, string? root = null) => ReadCore(path, maxBytes, root, prefix: false);

    /// <summary>Up to <paramref name="length"/> bytes from the start, with the same checks.</summary>
    public static byte[] ReadPrefix(string path, int length, string? root = null) => ReadCore(path, length, root, prefix: true);

    /// <summary>Why <paramref name="path"/> may not be read, or null when it may (the checks of <see cref="Read"/>, without reading).</summary>
    public static string? Problem(string path, string? root = null)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing)
        {
            if (path.IndexOf('\uFFFD') >= 0)
            {
                return "its name is not valid UTF-8 (shown with U+FFFD) and it cannot be opened by it; rename it";
            }

            return FileKinds.Of(path, followLinks: false) == FileKind.SymbolicLink ? "it is a symbolic link whose target does not exist, or loops" : "it no longer exists";
        }

        if (kind != FileKind.Regular)
        {
            return $"it is {FileKinds.Describe(kind)}, not a regular file";
        }

        if (root is not null)
        {
            string? real = FileKinds.RealPath(path);
            string realRoot = FileKinds.RealPath(root) ?? Path.GetFullPath(root);
            if (real is null)
            {
                return "it is a symbolic link that loops";
            }

            if (!FileKinds.IsUnder(real, realRoot))
            {
                return $"it leads outside the workspace '{realRoot}' (through a symbolic link or '..'); MapLint reads only files inside it";
            }
        }

        return null;
    }

    private static byte[] ReadCore(string path, long maxBytes, string? root, bool prefix)
    {
        if (Problem(path, root) is { } problem)
        {
            throw new UnsafeReadException(ReadRefusal.Unreadable, problem);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            long reported = stream.Length;
            if (!prefix && reported > maxBytes)
            {
                throw new UnsafeReadException(ReadRefusal.TooLarge, Megabytes(reported));
            }

            // Read at most maxBytes + 1 whatever the length says: the file may grow, or lie. The buffer is the length
            // the file reports, and one byte read past it tells whether that was all: sized one larger (or doubled to
            // look), then trimmed, every file was allocated three times over, and a large file's copies were most of
            // what made the collector run its full collections (gen2, on the large-object heap's budget).
            long cap = prefix ? maxBytes : maxBytes + 1;
            var buffer = new byte[(int)Math.Min(reported > 0 ? reported : 4096, cap)];
            long total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    int next = total < cap ? stream.ReadByte() : -1;
                    if (next < 0)
                    {
                        break;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(Math.Max((long)buffer.Length * 2, 4096), cap));
                    buffer[total++] = (byte)next;
                    continue;
                }

                int n = stream.Read(buffer, (int)total, buffer.Length - (int)total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            if (!prefix && total > maxBytes)
            {
                throw new UnsafeReadException(ReadRefusal.TooLarge, "more than " + Megabytes(maxBytes));
            }

            return total == buffer.Length ? buffer : buffer.AsSpan(0, (int)total).ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnsafeReadException(ReadRefusal.Unreadable, ex switch
            {
                FileNotFoundException or DirectoryNotFoundException => "it no longer exists",
                UnauthorizedAccessException => "permission denied",
                _ => "it cannot be read",
            });
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
