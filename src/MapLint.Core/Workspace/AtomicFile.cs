namespace MapLint.Workspace;

/// <summary>Writes a file so readers see the old or the new content, never half: a temporary file beside it, then a rename.</summary>
public static class AtomicFile
{
    public static void Write(string path, string content) => Write(path, System.Text.Encoding.UTF8.GetBytes(content));

    public static void Write(string path, byte[] content)
    {
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        string temp = full + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            File.WriteAllBytes(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
