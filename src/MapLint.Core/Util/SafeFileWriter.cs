using System.Globalization;
using System.Text;

namespace MapLint.Util;

/// <summary>A write MapLint refused, or one that failed; <see cref="Exception.Message"/> is one line for the user (fronts exit 2 with it).</summary>
public sealed class UnsafeWriteException(string message) : Exception(message);

/// <summary>
/// What a write must not touch. <see cref="Root"/> is the repository (or workspace) the command works in: a
/// symbolic link whose target lies outside it is refused, not followed. <see cref="Inputs"/> are the files the
/// command read (checked documents, configuration, baseline, exports): writing the report over one of them would
/// destroy the user's work.
/// </summary>
public sealed record WriteGuard(string? Root = null, IReadOnlyCollection<string>? Inputs = null)
{
    public static WriteGuard None { get; } = new();
}

/// <summary>
/// The one way MapLint writes a file: only a regular file (never a device, FIFO, socket or folder, never an input,
/// never into /dev, /proc or /sys), atomically (a temporary file beside the target, flushed, then renamed over
/// it, so a reader sees the old or the new content and a failed write leaves the old file), with the target's
/// permissions kept, a read-only target refused, and a symbolic link followed to its target only when that stays
/// inside <see cref="WriteGuard.Root"/>. Every refusal and failure is an <see cref="UnsafeWriteException"/> with a
/// one-line message; nothing else escapes.
/// </summary>
public static class SafeFileWriter
{
    private static readonly string[] SystemFolders = ["/dev", "/proc", "/sys"];

    public static void Write(string path, string content, WriteGuard? guard = null) =>
        Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content), guard);

    public static void Write(string path, byte[] content, WriteGuard? guard = null)
    {
        string target = Check(path, guard ?? WriteGuard.None);
        string folder = Path.GetDirectoryName(target)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (IsIo(ex))
        {
            throw Refused(path, $"its folder cannot be created ({Reason(ex)})");
        }

        string temp = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(flushToDisk: true);
            }

            KeepMode(target, temp);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (IsIo(ex))
        {
            throw Refused(path, $"it cannot be written ({Reason(ex)})");
        }
        finally
        {
            try
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
            catch (Exception ex) when (IsIo(ex))
            {
                // The temporary file stays behind; the message above already says what went wrong.
            }
        }
    }

    /// <summary>
    /// The file a write to <paramref name="path"/> would replace (the link target when <paramref name="path"/> is a
    /// link inside the root), or an <see cref="UnsafeWriteException"/> saying why it is refused. Commands call it
    /// before doing any work, so a refused target costs nothing and changes nothing.
    /// </summary>
    public static string Check(string path, WriteGuard guard)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Refused(path, "it is not a valid path");
        }

        string target = full;
        if (FileKinds.Of(full, followLinks: false) == FileKind.SymbolicLink)
        {
            string? resolved = FileKinds.RealPath(full);
            if (resolved is null)
            {
                throw Refused(path, "it is a symbolic link that loops");
            }

            string root = guard.Root is { } r ? FileKinds.RealPath(r) ?? r : FileKinds.RealPath(Path.GetDirectoryName(full)!) ?? Path.GetDirectoryName(full)!;
            if (!FileKinds.IsUnder(resolved, root))
            {
                throw Refused(path, $"it is a symbolic link to '{resolved}', outside '{root}'; name that file itself to write there");
            }

            target = resolved;
        }
        else if (path.EndsWith("/", StringComparison.Ordinal) || path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal))
        {
            throw Refused(path, "it names a folder; give a file name");
        }

        // A folder on the way may be a link too (a committed '.maplint' pointing at /etc): for a path inside the
        // root, the nearest folder that exists must resolve inside it, or the write (and the folders it makes)
        // would land outside. A place outside the root named as such is the user's choice.
        if (guard.Root is { } within && FileKinds.IsUnder(full, Path.GetFullPath(within)) && NearestExistingFolder(Path.GetDirectoryName(target)) is { } existing)
        {
            string realFolder = FileKinds.RealPath(existing) ?? existing;
            string realRoot = FileKinds.RealPath(within) ?? Path.GetFullPath(within);
            if (!FileKinds.IsUnder(realFolder, realRoot))
            {
                throw Refused(path, $"its folder leads through a symbolic link to '{realFolder}', outside '{realRoot}'");
            }
        }

        var kind = FileKinds.Of(target);
        if (kind is not (FileKind.Regular or FileKind.Missing))
        {
            throw Refused(path, $"it is {FileKinds.Describe(kind)}; MapLint writes only regular files");
        }

        string real = FileKinds.RealPath(target) ?? target;
        if (!OperatingSystem.IsWindows() && SystemFolders.Any(s => FileKinds.IsUnder(real, s)))
        {
            throw Refused(path, $"it is in {SystemFolders.First(s => FileKinds.IsUnder(real, s))}, a system folder");
        }

        foreach (var input in guard.Inputs ?? [])
        {
            if (FileKinds.PathComparer.Equals(real, FileKinds.RealPath(input) ?? Path.GetFullPath(input)))
            {
                throw Refused(path, "it is one of the files this command reads; choose another file");
            }
        }

        if (kind == FileKind.Regular && IsReadOnly(target))
        {
            throw Refused(path, "it is read-only; make it writable or choose another file");
        }

        return target;
    }

    private static string? NearestExistingFolder(string? folder)
    {
        while (folder is not null && !Directory.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder;
    }

    /// <summary>Writes, or returns the one-line reason it did not (for fronts that report instead of exiting).</summary>
    public static string? TryWrite(string path, string content, WriteGuard? guard = null)
    {
        try
        {
            Write(path, content, guard);
            return null;
        }
        catch (UnsafeWriteException ex)
        {
            return ex.Message;
        }
    }

    private static bool IsReadOnly(string path)
    {
        try
        {
            if ((File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            {
                return true;
            }
#if NET
            // As root, the attribute above says writable whatever the mode; a file with no write bit is read-only by intent.
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(path);
                return (mode & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
            }
#endif
            return false;
        }
        catch (Exception ex) when (IsIo(ex))
        {
            return false;
        }
    }

    private static void KeepMode(string target, string temp)
    {
#if NET
        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        }
#endif
    }

    private static bool IsIo(Exception ex) => ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    private static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder on the way does not exist",
        _ => OneLine(ex.Message),
    };

    private static string OneLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text.Substring(0, end)).TrimEnd('.', ' ');
    }

    private static UnsafeWriteException Refused(string path, string why) => new($"cannot write '{OneLine(path)}': {why}.");
}
