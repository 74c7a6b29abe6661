using System.Runtime.InteropServices;

namespace MapLint.Util;

/// <summary>What a path names, as lstat/stat tell it: only a regular file is ever read or written.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

/// <summary>
/// The file type of a path and its real path. .NET's file attributes do not tell a device or a FIFO from a file
/// (both are "Normal"), and opening a FIFO blocks, so on Linux the type comes from statx, whose layout is the same
/// on every architecture; elsewhere (and if statx is missing) from the attributes, which is all Windows has.
/// </summary>
public static class FileKinds
{
#if !NET
    public static FileStamp? StampOf(string path) => null;

#endif
    public static FileKind Of(string path, bool followLinks = true)
    {
#if NET
        if (OperatingSystem.IsLinux() && Statx(path, followLinks) is { } kind)
        {
            return kind;
        }
#endif
        try
        {
            var info = new FileInfo(path);
            FileAttributes attributes = File.GetAttributes(path);
            if (!followLinks && (attributes & FileAttributes.ReparsePoint) != 0)
            {
                return FileKind.SymbolicLink;
            }

            if ((attributes & FileAttributes.Directory) != 0)
            {
                return FileKind.Directory;
            }

            return (attributes & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : info.Exists ? FileKind.Regular : FileKind.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileKind.Missing;
        }
    }

    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        _ => "not a regular file",
    };

    /// <summary>
    /// The path with every symbolic link resolved (folders on the way included), or null for a link loop or a
    /// chain longer than the kernel's 40. Components that do not exist yet are kept as they are.
    /// </summary>
    public static string? RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        return Resolve(full, 0);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it (both full, resolved paths).</summary>
    public static bool IsUnder(string path, string folder)
    {
        string relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static string? Resolve(string full, int depth)
    {
        string root = Path.GetPathRoot(full) ?? string.Empty;
        string current = root;
        foreach (var part in full.Substring(root.Length).Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Combine(current, part);
            string? target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (depth >= 40)
            {
                return null;
            }

            string? resolved = Resolve(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target)), depth + 1);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
#if NET
            return new FileInfo(path).LinkTarget;
#else
            return null;
#endif
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

#if NET
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private static bool statxMissing;

    private static FileKind? Statx(string path, bool followLinks)
    {
        if (statxMissing)
        {
            return null;
        }

        // struct statx is 256 bytes; stx_mode (u16) is at offset 28 on every architecture.
        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return FileKind.Missing;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            statxMissing = true;
            return null;
        }

        int mode = buffer[28] | (buffer[29] << 8);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    // STATX_TYPE | STATX_MODE | STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE
    private const uint StatxStamp = 0x1 | 0x2 | 0x40 | 0x80 | 0x100 | 0x200;

    /// <summary>
    /// What git's index keeps to tell an unchanged file without reading it: device, inode, size, modification and
    /// change times (the change time moves on every write and cannot be set back, unlike the modification time).
    /// Linux only (statx); null elsewhere, for a symbolic link or anything but a regular file.
    /// </summary>
    public static FileStamp? StampOf(string path)
    {
        if (statxMissing || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, AtSymlinkNoFollow, StatxStamp, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            statxMissing = true;
            return null;
        }

        uint mask = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        int mode = buffer[28] | (buffer[29] << 8);
        if ((mask & StatxStamp) != StatxStamp || (mode & 0xF000) != 0x8000 || !BitConverter.IsLittleEndian)
        {
            return null;
        }

        long Long(int offset) => System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(offset));
        uint Int(int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));
        // struct statx: stx_ino @32, stx_size @40, stx_ctime @96, stx_mtime @112 (tv_sec s64, tv_nsec u32), stx_dev_major/minor @136/@140.
        return new FileStamp(((long)Int(136) << 32) | Int(140), Long(32), Long(40), Long(112) * 1_000_000_000 + Int(120), Long(96) * 1_000_000_000 + Int(104));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#endif
}

/// <summary>A regular file's identity and times, in nanoseconds since 1970 (see <see cref="FileKinds.StampOf"/>).</summary>
public readonly record struct FileStamp(long Device, long Inode, long Size, long ModifiedNs, long ChangedNs);
