using MapLint.Util;

namespace MapLint.Workspace;

/// <summary>Kept for callers written before <see cref="SafeFileWriter"/>: the same safe, atomic write, with no inputs to protect.</summary>
public static class AtomicFile
{
    public static void Write(string path, string content) => SafeFileWriter.Write(path, content);
}
