using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MapLint.Engine;

/// <summary>
/// Summaries of files kept between runs (like ESLint's --cache or an MSBuild incremental build), in
/// <c>.maplint/cache</c> for the CLI and hooks, under <c>obj/</c> for MSBuild: <c>index.bin</c> holds each file's
/// stamp and the metadata files' entries, <c>maps/XX.bin</c> the maps' entries by the first byte of their key, so
/// a run that checks a few maps reads and rewrites a few small files, not one file of every map. An entry is found
/// by the file's content hash and the configuration, and used only when the metadata and connection sets it used
/// are what they were. Each file carries the engine's identity and a checksum: a corrupt, truncated or foreign
/// file is ignored and rebuilt, never trusted. Each is replaced atomically (written beside, then renamed), so runs
/// at the same time each see whole files; the last to finish keeps its entries, all of them valid.
/// </summary>
public sealed class SummaryCache
{
    private const string IndexFileName = "index.bin";
    private const string ShardFolder = "maps";
    private const int ShardCount = 256;
    private const int IndexShard = ShardCount;
    private static readonly byte[] Magic = "MAPLINT-SUMMARIES-5\n"u8.ToArray();
    private static readonly byte[] DefinitionsMagic = "MAPLINT-DEFINITIONS-1\n"u8.ToArray();
    private const string DefinitionsFolder = "definitions";

    private readonly ConcurrentDictionary<string, byte[]> stored = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> usedMetadata = new(StringComparer.Ordinal);

    // Keys kept in the index rather than a map shard: the metadata files' entries (stamps are told by their prefix).
    private readonly ConcurrentDictionary<string, byte> indexKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Dictionary<string, ArraySegment<byte>>?>> definitions = new(StringComparer.Ordinal);
    private readonly Lazy<bool> loaded;
    private readonly Lazy<bool>[] shards = new Lazy<bool>[ShardCount];
    private readonly int[] storedIn = new int[ShardCount + 1];
    private readonly int[] writtenIn = new int[ShardCount + 1];
    private int written;
    private int hits;
    private int misses;
    private int metadataHits;
    private int stampHits;

    private SummaryCache(string folder, string? root)
    {
        Folder = folder;
        Root = root;
        loaded = new Lazy<bool>(() =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            bool ok = Load(IndexShard);
            if (Util.Timings.Enabled)
            {
                Util.Timings.Add($"cache index read and checked ({stored.Count} entries)", clock.Elapsed);
            }

            return ok;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        for (int s = 0; s < ShardCount; s++)
        {
            int shard = s;
            shards[s] = new Lazy<bool>(() => Load(shard), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>The cache in <paramref name="folder"/> (read on first use; created on <see cref="Save"/>).</summary>
    public static SummaryCache Open(string folder, string? root = null) => new(Path.GetFullPath(folder), root is null ? null : Path.GetFullPath(root));

    /// <summary>
    /// The CLI's cache for a workspace: <c>.maplint/cache</c> in its root folder, read and written only inside
    /// that root (a repository can commit <c>.maplint</c> as a link to anywhere, or the cache file as a link to
    /// /dev/zero).
    /// </summary>
    public static SummaryCache ForWorkspace(string root) => Open(Path.Combine(root, ".maplint", "cache"), root);

    public string Folder { get; }

    /// <summary>The folder the cache may not leave through links, when there is one (the CLI's workspace root).</summary>
    public string? Root { get; }

    /// <summary>Larger than any cache MapLint writes (10,000 maps take a few megabytes): a bigger file is not one.</summary>
    private const long MaxFileBytes = 1L << 30;

    /// <summary>The index: each file's stamp and the metadata files' entries.</summary>
    public string FilePath => Path.Combine(Folder, IndexFileName);

    /// <summary>The file holding the entries of map keys starting with the byte <paramref name="shard"/>.</summary>
    private string ShardPath(int shard) => shard == IndexShard ? FilePath : Path.Combine(Folder, ShardFolder, shard.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + ".bin");

    /// <summary>Where a key's entry is kept: stamps and metadata entries in the index, maps by their key's first byte.</summary>
    private int ShardOf(string key)
    {
        if (key.StartsWith("stamp\n", StringComparison.Ordinal) || indexKeys.ContainsKey(key) || key.Length < 2 || !Uri.IsHexDigit(key[0]) || !Uri.IsHexDigit(key[1]))
        {
            return IndexShard;
        }

        return Convert.ToInt32(key[..2], 16);
    }

    /// <summary>How the last run's record served this run, if it did (for the MSBuild task's detailed log): "report" or "edit".</summary>
    public string? LastRunUse { get; internal set; }

    /// <summary>Why the stored file was not used, when it was not (missing, corrupt, foreign); null when it was.</summary>
    public string? Rejected { get; private set; }

    public int Hits => hits;

    public int Misses => misses;

    /// <summary>Metadata files known from their entries (by their names; parsed only if a changed map asks).</summary>
    public int MetadataHits => metadataHits;

    /// <summary>The engine's identity: summaries written by another build of MapLint are not read.</summary>
    internal static readonly string Stamp = Identity();

    internal byte[]? Find(string key)
    {
        _ = loaded.Value;
        int shard = ShardOf(key);
        if (shard != IndexShard)
        {
            _ = shards[shard].Value;
        }

        if (stored.TryGetValue(key, out var payload))
        {
            Interlocked.Increment(ref hits);
            used[key] = payload;
            return payload;
        }

        Interlocked.Increment(ref misses);
        return null;
    }

    /// <summary>Files taken as unchanged by their stamp, without being read.</summary>
    public int StampHits => stampHits;

    /// <summary>
    /// The content hash and kind recorded for the file when it was last read, if its stamp (device, inode, size,
    /// modification and change times) is still the same: the file is then not read again.
    /// </summary>
    internal (string Hash, byte Kind)? FindByStamp(string fullPath, Util.FileStamp stamp)
    {
        _ = loaded.Value;
        string key = StampKey(fullPath);
        if (!stored.TryGetValue(key, out var payload))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            byte kind = reader.ReadByte();
            var known = new Util.FileStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
            string hash = reader.ReadString();
            if (known != stamp || hash.Length != 64)
            {
                return null;
            }

            used[key] = payload;
            Interlocked.Increment(ref stampHits);
            return (hash, kind);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Records the stamp a file had when it was read, with its content hash and kind.</summary>
    internal void PutStamp(string fullPath, Util.FileStamp stamp, string hash, byte kind)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(kind);
            writer.Write(stamp.Device);
            writer.Write(stamp.Inode);
            writer.Write(stamp.Size);
            writer.Write(stamp.ModifiedNs);
            writer.Write(stamp.ChangedNs);
            writer.Write(hash);
        }

        var payload = buffer.ToArray();
        string key = StampKey(fullPath);
        if (!stored.TryGetValue(key, out var old) || !old.AsSpan().SequenceEqual(payload))
        {
            Interlocked.Increment(ref written);
            Interlocked.Increment(ref writtenIn[IndexShard]);
        }

        used[key] = payload;
    }

    private static string StampKey(string fullPath) => "stamp\n" + fullPath;

    /// <summary>A metadata file's entry (counted apart from the maps' <see cref="Hits"/>).</summary>
    internal byte[]? FindMetadata(string key)
    {
        _ = loaded.Value;
        if (stored.TryGetValue(key, out var payload))
        {
            Interlocked.Increment(ref metadataHits);
            used[key] = payload;
            usedMetadata[key] = 0;
            return payload;
        }

        return null;
    }

    /// <summary>A metadata entry that did not read back: not counted as used, replaced by the next <see cref="Put"/>.</summary>
    internal void RejectMetadata(string key)
    {
        Interlocked.Decrement(ref metadataHits);
        used.TryRemove(key, out _);
        usedMetadata.TryRemove(key, out _);
    }

    /// <summary>Entity definitions read from the cache's copies of metadata files (not from the files).</summary>
    public int DefinitionHits => definitionHits;

    private int definitionHits;

    /// <summary>
    /// A clean metadata file's entry, and its entity definitions in a file of their own beside the cache
    /// (<c>definitions/KEY</c>): the key names the file's content, so that file is written once, never changed,
    /// and only the definitions a changed map asks for are read again, not the whole metadata file.
    /// </summary>
    internal void PutMetadata(string key, byte[] payload, Func<byte[]> definitionsBody)
    {
        indexKeys[key] = 0;
        Put(key, payload);
        usedMetadata[key] = 0;
        string path = DefinitionsPath(key);
        try
        {
            // Written when missing, or again when it does not read back (damaged, or left by another build).
            if ((Util.FileKinds.Of(path, followLinks: false) == Util.FileKind.Missing || ReadDefinitions(key) is null) && MayWrite(path))
            {
                var guard = new Util.WriteGuard(Root);
                Util.SafeFileWriter.Check(path, guard);
                IgnoreInGit(guard);
                using var buffer = new MemoryStream();
                using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(DefinitionsMagic);
                    writer.Write(Stamp);
                    writer.Write(key);
                    var body = definitionsBody();
                    writer.Write(body.Length);
                    writer.Write(body);
                }

                var bytes = buffer.ToArray();
                Util.SafeFileWriter.Write(path, [.. bytes, .. SHA256.HashData(bytes)], guard);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Util.UnsafeWriteException)
        {
            // The definitions are then read from the metadata file when asked for: slower, the same findings.
        }
    }

    /// <summary>
    /// One entity's definitions from the cache's copy of the metadata file of entry <paramref name="key"/>; null
    /// when that copy is missing, corrupt, foreign or does not list the entity (the metadata file is read then).
    /// </summary>
    internal ArraySegment<byte>? FindDefinitions(string key, string entity)
    {
        var index = definitions.GetOrAdd(key, k => new Lazy<Dictionary<string, ArraySegment<byte>>?>(() => ReadDefinitions(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        if (index is null)
        {
            RejectDefinitions(key);
            return null;
        }

        if (index.TryGetValue(entity, out var bytes))
        {
            Interlocked.Increment(ref definitionHits);
            return bytes;
        }

        return null;
    }

    /// <summary>
    /// A copy whose definitions did not read back: not trusted again this run (the metadata file is read for
    /// them), and the file's entry is dropped, so the next run reads the file whole and writes both again.
    /// </summary>
    internal void RejectDefinitions(string key)
    {
        definitions[key] = new Lazy<Dictionary<string, ArraySegment<byte>>?>(() => null);
        if (usedMetadata.TryRemove(key, out _))
        {
            used.TryRemove(key, out _);
            Interlocked.Increment(ref written);
            Interlocked.Increment(ref writtenIn[IndexShard]);
        }
    }

    private string DefinitionsPath(string key) => Path.Combine(Folder, DefinitionsFolder, key);

    private Dictionary<string, ArraySegment<byte>>? ReadDefinitions(string key)
    {
        try
        {
            var bytes = Util.SafeFileReader.Read(DefinitionsPath(key), MaxFileBytes, Root);
            if (bytes.Length < DefinitionsMagic.Length + 32 || !bytes.AsSpan(0, DefinitionsMagic.Length).SequenceEqual(DefinitionsMagic)
                || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 32), Encoding.UTF8);
            reader.ReadBytes(DefinitionsMagic.Length);
            if (reader.ReadString() != Stamp || reader.ReadString() != key)
            {
                return null;
            }

            int length = reader.ReadInt32();
            long start = reader.BaseStream.Position;
            if (length < 0 || start + length != bytes.Length - 32)
            {
                return null;
            }

            return SummaryCodec.IndexDefinitions(bytes.AsSpan((int)start, length).ToArray());
        }
        catch (Exception ex) when (ex is Util.UnsafeReadException or EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Drops the copies of definitions no entry of this run names, once they are an hour old (a run at the same
    /// time may have just written one for metadata this run did not see).
    /// </summary>
    private void DropUnusedDefinitions()
    {
        string folder = Path.Combine(Folder, DefinitionsFolder);
        try
        {
            if (Util.FileKinds.Of(folder, followLinks: false) != Util.FileKind.Directory)
            {
                return;
            }

            foreach (var path in Directory.EnumerateFiles(folder))
            {
                if (!usedMetadata.ContainsKey(Path.GetFileName(path)) && File.GetLastWriteTimeUtc(path) < DateTime.UtcNow.AddHours(-1))
                {
                    File.Delete(path);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run.
        }
    }

    /// <summary>An entry found but not usable (its metadata changed): counted as a miss, replaced by the next <see cref="Put"/>.</summary>
    internal void Reject()
    {
        Interlocked.Decrement(ref hits);
        Interlocked.Increment(ref misses);
    }

    internal void Put(string key, byte[] payload)
    {
        used[key] = payload;
        Interlocked.Increment(ref written);
        Interlocked.Increment(ref writtenIn[ShardOf(key)]);
    }

    private const string LastRunFileName = "lastrun.bin";

    // Set when a run reads only some of the workspace's files (an edit of the last run): the entries of the files
    // it did not read are still good, so the next write keeps them.
    private bool keepOthers;

    /// <summary>The next <see cref="Save"/> keeps the entries this run did not use (it read only some files).</summary>
    internal void KeepEntriesOfOtherFiles() => keepOthers = true;

    /// <summary>The last run's record (<see cref="LastRun"/>) when its file is whole and of this build; null otherwise.</summary>
    internal byte[]? ReadLastRun()
    {
        try
        {
            var bytes = Util.SafeFileReader.Read(Path.Combine(Folder, LastRunFileName), MaxFileBytes, Root);
            return bytes.Length >= 32 && SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32))
                ? bytes.AsSpan(0, bytes.Length - 32).ToArray()
                : null;
        }
        catch (Exception ex) when (ex is Util.UnsafeReadException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Replaces the last run's record atomically; null removes it (a run whose report cannot be kept exactly).</summary>
    internal void SaveLastRun(byte[]? body)
    {
        string path = Path.Combine(Folder, LastRunFileName);
        try
        {
            var guard = new Util.WriteGuard(Root);
            if (!MayWrite(path))
            {
                return;
            }

            Util.SafeFileWriter.Check(path, guard);
            if (body is null)
            {
                if (Util.FileKinds.Of(path, followLinks: false) == Util.FileKind.Regular)
                {
                    File.Delete(path);
                }

                return;
            }

            IgnoreInGit(guard);
            Util.SafeFileWriter.Write(path, [.. body, .. SHA256.HashData(body)], guard);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Util.UnsafeWriteException)
        {
            // The next run checks the workspace again: slower, the same report.
        }
    }

    /// <summary>
    /// Writes the files whose entries changed: those this run made, and for a run of every file, the entries it
    /// did not use dropping out (a file no shard entry of this run needs is deleted). Never throws for a folder that
    /// cannot be written: the cache is an optimisation, and the run's findings do not depend on it.
    /// </summary>
    public bool Save()
    {
        // A run answered by the last run's record read no entry: the files stay as they are, unread.
        if (!loaded.IsValueCreated && written == 0)
        {
            return false;
        }

        _ = loaded.Value;
        var usedIn = new List<KeyValuePair<string, byte[]>>[ShardCount + 1];
        foreach (var entry in used)
        {
            (usedIn[ShardOf(entry.Key)] ??= []).Add(entry);
        }

        bool any = false;
        try
        {
            var guard = new Util.WriteGuard(Root);
            for (int shard = 0; shard <= ShardCount; shard++)
            {
                var here = usedIn[shard] ?? [];
                bool read = shard == IndexShard || shards[shard].IsValueCreated;
                List<KeyValuePair<string, byte[]>> entries;
                if (keepOthers)
                {
                    // Only some files were read: a shard is written when this run made one of its entries, with the rest kept.
                    if (writtenIn[shard] == 0)
                    {
                        continue;
                    }

                    if (shard != IndexShard)
                    {
                        _ = shards[shard].Value;
                    }

                    var keys = here.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
                    entries = [.. here, .. stored.Where(e => ShardOf(e.Key) == shard && !keys.Contains(e.Key))];
                }
                else if (!read)
                {
                    // No entry of it was asked for: its maps are gone (or it is a shard of another run's maps).
                    if (here.Count == 0)
                    {
                        any |= DeleteShard(shard, guard);
                        continue;
                    }

                    entries = here;
                }
                else
                {
                    if (writtenIn[shard] == 0 && here.Count == storedIn[shard])
                    {
                        continue;
                    }

                    entries = here;
                }

                WriteShard(shard, entries, guard);
                any = true;
            }

            if (!keepOthers)
            {
                DropUnusedDefinitions();
            }

            return any;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Util.UnsafeWriteException)
        {
            return any;
        }
    }

    private void WriteShard(int shard, List<KeyValuePair<string, byte[]>> entries, Util.WriteGuard guard)
    {
        string path = ShardPath(shard);
        if (!MayWrite(path))
        {
            return;
        }

        Util.SafeFileWriter.Check(path, guard);
        IgnoreInGit(guard);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Stamp);
            writer.Write(entries.Count);
            foreach (var (key, payload) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write(payload.Length);
                writer.Write(payload);
            }
        }

        var body = buffer.ToArray();
        Util.SafeFileWriter.Write(path, [.. body, .. SHA256.HashData(body)], guard);
    }

    private bool DeleteShard(int shard, Util.WriteGuard guard)
    {
        // Nothing is made for a shard that is not there (the check below makes the folders on the way).
        string path = ShardPath(shard);
        if (Util.FileKinds.Of(Path.GetDirectoryName(path)!, followLinks: false) != Util.FileKind.Directory || Util.FileKinds.Of(path, followLinks: false) != Util.FileKind.Regular || !MayWrite(path))
        {
            return false;
        }

        Util.SafeFileWriter.Check(path, guard);
        File.Delete(path);
        return true;
    }

    /// <summary>
    /// The CLI's cache folder (.maplint) tells git to ignore it, as .ruff_cache and .pytest_cache do: a hook run
    /// in a repository that does not list it in .gitignore must not leave files for the commit to pick up.
    /// </summary>
    /// <summary>
    /// Whether MapLint may write its own file at <paramref name="path"/>: nothing from the cache's folder (.maplint, or
    /// the folder given) down to the file is a link or anything but a folder, and the file is missing or a regular
    /// file. A link there, even one leading to a file inside the workspace, is not written through: the cache would
    /// replace a user's file (a map) with its records.
    /// </summary>
    private bool MayWrite(string path)
    {
        string owner = Owner;
        string relative = Path.GetRelativePath(owner, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        string current = owner;
        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = -1; i < parts.Length; i++)
        {
            if (i >= 0)
            {
                current = Path.Combine(current, parts[i]);
            }

            var kind = Util.FileKinds.Of(current, followLinks: false);
            bool last = i == parts.Length - 1;
            if (kind == Util.FileKind.Missing)
            {
                return true;
            }

            if (kind != (last ? Util.FileKind.Regular : Util.FileKind.Directory))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The folder the cache's files are under: .maplint for the CLI's cache, else the cache folder itself.</summary>
    private string Owner => Path.GetDirectoryName(Folder) is { } parent && Path.GetFileName(parent) == ".maplint" ? parent : Folder;

    private void IgnoreInGit(Util.WriteGuard guard)
    {
        string owner = Owner;
        string ignore = Path.Combine(owner, ".gitignore");
        try
        {
            // Not there, and not a link either (a dangling one would be written through).
            if (Util.FileKinds.Of(ignore, followLinks: false) == Util.FileKind.Missing && MayWrite(ignore))
            {
                Util.SafeFileWriter.Write(ignore, "# Written by MapLint: its summary cache is not part of the repository.\n*\n", guard);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Util.UnsafeWriteException)
        {
            // Another run writing the same line at the same moment, or a read-only folder: the cache still works.
        }
    }

    /// <summary>Reads one file of the cache (the index or a map shard) into the stored entries; false when it is not usable.</summary>
    private bool Load(int shard)
    {
        string path = ShardPath(shard);
        byte[] bytes;
        try
        {
            bytes = Util.SafeFileReader.Read(path, MaxFileBytes, Root);
        }
        catch (Util.UnsafeReadException ex)
        {
            // Missing, or not a regular file inside the root: a device, a FIFO, a link leading out (not followed).
            bool missing = Util.FileKinds.Of(path, followLinks: false) == Util.FileKind.Missing;
            Reject(shard, missing ? "missing" : "unsafe: " + ex.Message, missing);
            return false;
        }

        if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            Reject(shard, "corrupt", false);
            return false;
        }

        var entries = new List<(string Key, byte[] Payload)>();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 32), Encoding.UTF8);
            reader.ReadBytes(Magic.Length);
            if (reader.ReadString() != Stamp)
            {
                Reject(shard, "written by another build of MapLint", false);
                return false;
            }

            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                string key = reader.ReadString();
                int length = reader.ReadInt32();
                entries.Add((key, reader.ReadBytes(length)));
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            Reject(shard, "corrupt", false);
            return false;
        }

        foreach (var (key, payload) in entries)
        {
            if (shard == IndexShard && !key.StartsWith("stamp\n", StringComparison.Ordinal))
            {
                indexKeys[key] = 0;
            }

            stored[key] = payload;
        }

        storedIn[shard] = entries.Count;
        return true;
    }

    /// <summary>
    /// A file of the cache not used: the reason is kept (the first one) unless the file is only missing, which a
    /// shard of no map is; a damaged file is written again by the next <see cref="Save"/>.
    /// </summary>
    private void Reject(int shard, string reason, bool missing)
    {
        if (!missing || shard == IndexShard)
        {
            Rejected ??= shard == IndexShard ? reason : $"{ShardPath(shard)}: {reason}";
        }

        if (!missing)
        {
            Interlocked.Increment(ref writtenIn[shard]);
            Interlocked.Increment(ref written);
        }
    }

    private static string Identity()
    {
        var assembly = typeof(SummaryCache).Assembly;
        string version = assembly.GetName().Version?.ToString() ?? "0";
        string build;
        try
        {
            // Each build of the engine has its own module id (deterministic: the same source gives the same id).
            build = assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            build = "unknown";
        }

        return version + "/" + build;
    }
}
