using MapLint.Diagnostics;
using MapLint.Syntax;

namespace MapLint.Workspace;

/// <summary>
/// A workspace held in memory, for the fronts that lint text that is not (or not yet) on disk: `check
/// --stdin-filename`, `fix` and the language server. Each file is its display path and UTF-8 text, decoded as
/// the loader decodes files (a UTF-8 byte order mark is dropped), with some texts given in place of the files'.
/// </summary>
public static class WorkspaceSnapshot
{
    /// <summary>The files' texts, a given text in place of a file's (by full path) and added when no file has it.</summary>
    public static List<(string Path, byte[] Content)> Read(IReadOnlyList<WorkspaceFile> files, IReadOnlyDictionary<string, (string DisplayPath, byte[] Content)> given, long maxFileBytes = DocumentLoader.DefaultMaxFileBytes)
    {
        var result = new List<(string Path, byte[] Content)>(files.Count + given.Count);
        var seen = new HashSet<string>(PathComparer);
        foreach (var file in files)
        {
            if (!seen.Add(file.FullPath))
            {
                continue;
            }

            if (given.TryGetValue(file.FullPath, out var text))
            {
                result.Add((file.DisplayPath, text.Content));
            }
            else if (DocumentLoader.ReadBytes(file, new DiagnosticBag(file.DisplayPath, null), maxFileBytes) is { } bytes)
            {
                result.Add((file.DisplayPath, bytes));
            }
        }

        foreach (var (fullPath, text) in given)
        {
            if (seen.Add(fullPath))
            {
                result.Add((text.DisplayPath, text.Content));
            }
        }

        return result;
    }

    /// <summary>
    /// UTF-8 text without its byte order mark, and the mark to write back; null for a file in another encoding,
    /// which a fix must not rewrite (it would change the encoding).
    /// </summary>
    public static (byte[] Text, byte[] Preamble)? AsUtf8(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (bytes.AsSpan(3).ToArray(), [0xEF, 0xBB, 0xBF]);
        }

        return bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) ? null : (bytes, []);
    }

    public static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
