using MapLint.Diagnostics;
using MapLint.Workspace;

namespace MapLint.Engine;

/// <summary>
/// Where the engine gets a file's bytes: the disk, or text held in memory (tests, an editor's unsaved buffers).
/// One seam instead of a delegate per question, so the engine does not care which.
/// </summary>
public abstract class DocumentSource
{
    /// <summary>The disk: files are read when the engine needs them.</summary>
    public static DocumentSource Disk(long maxFileBytes = DocumentLoader.DefaultMaxFileBytes) => new DiskSource(maxFileBytes);

    /// <summary>The file's bytes, or null after reporting on <paramref name="bag"/> why they cannot be had.</summary>
    public abstract byte[]? Read(WorkspaceFile file, DiagnosticBag bag);

    /// <summary>The first bytes (enough to tell a map from other documents without reading it all), or null when there is no cheap way.</summary>
    public virtual byte[]? ReadPrefix(WorkspaceFile file) => null;

    /// <summary>How to get the text again once it was let go (to show a source line), or null when it must be kept.</summary>
    public virtual Func<byte[]?>? Reread(WorkspaceFile file) => null;

    /// <summary>The file's stamp (identity, size and times) when the source is the disk; null when it cannot tell.</summary>
    public virtual Util.FileStamp? Stamp(WorkspaceFile file) => null;

    private sealed class DiskSource(long maxFileBytes) : DocumentSource
    {
        public override byte[]? Read(WorkspaceFile file, DiagnosticBag bag) => DocumentLoader.ReadBytes(file, bag, maxFileBytes);

        public override byte[]? ReadPrefix(WorkspaceFile file) => DocumentLoader.ReadPrefix(file);

        public override Util.FileStamp? Stamp(WorkspaceFile file) => Util.FileKinds.StampOf(file.FullPath);

        public override Func<byte[]?>? Reread(WorkspaceFile file) => () =>
        {
            try
            {
                return Syntax.SourceDecoder.Decode(Util.SafeFileReader.Read(file.FullPath, DocumentLoader.DefaultMaxFileBytes, file.Root), new DiagnosticBag(file.DisplayPath, null))?.Utf8;
            }
            catch (Util.UnsafeReadException)
            {
                return null;
            }
        };
    }
}

/// <summary>Documents held in memory by path (full path); what is not held is read from the source underneath.</summary>
public sealed class OverlaySource : DocumentSource
{
    private readonly DocumentSource? underneath;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> held = new(StringComparer.Ordinal);

    public OverlaySource(DocumentSource? underneath)
    {
        this.underneath = underneath;
    }

    public void Set(string fullPath, byte[] content) => held[fullPath] = content;

    /// <summary>Lets go of a held text (an editor closed its buffer): the file is read from underneath again.</summary>
    public bool Clear(string fullPath) => held.TryRemove(fullPath, out _);

    public bool Holds(string fullPath) => held.ContainsKey(fullPath);

    public override byte[]? Read(WorkspaceFile file, DiagnosticBag bag) =>
        held.TryGetValue(file.FullPath, out var content) ? content : underneath is null ? Unreadable(file, bag) : underneath.Read(file, bag);

    public override byte[]? ReadPrefix(WorkspaceFile file) => held.ContainsKey(file.FullPath) ? null : underneath?.ReadPrefix(file);

    public override Func<byte[]?>? Reread(WorkspaceFile file) => held.ContainsKey(file.FullPath) ? null : underneath?.Reread(file);

    public override Util.FileStamp? Stamp(WorkspaceFile file) => held.ContainsKey(file.FullPath) ? null : underneath?.Stamp(file);

    private static byte[]? Unreadable(WorkspaceFile file, DiagnosticBag bag)
    {
        bag.Add(Documents.DocumentRules.UnreadableFile, default, null, "it no longer exists");
        return null;
    }
}

/// <summary>Documents given in memory, each file (by instance: two may share a path) with its content.</summary>
internal sealed class MemorySource : DocumentSource
{
    private readonly Dictionary<WorkspaceFile, byte[]> contents = new(Util.ReferenceIdentity.Instance);
    private readonly Dictionary<string, byte[]> byPath = new(StringComparer.Ordinal);

    public MemorySource(IEnumerable<(WorkspaceFile File, byte[] Content)> documents)
    {
        foreach (var (file, content) in documents)
        {
            contents[file] = content;
            byPath.TryAdd(file.FullPath, content);
        }
    }

    public override byte[]? Read(WorkspaceFile file, DiagnosticBag bag)
    {
        if (contents.TryGetValue(file, out var content) || byPath.TryGetValue(file.FullPath, out content))
        {
            return content;
        }

        bag.Add(Documents.DocumentRules.UnreadableFile, default, null, "it no longer exists");
        return null;
    }
}
