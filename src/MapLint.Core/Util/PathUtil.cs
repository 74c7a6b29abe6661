namespace MapLint.Util;

internal static class PathUtil
{
    /// <summary>Path.GetFullPath(path, basePath), which .NET Framework lacks.</summary>
    public static string FullPath(string path, string basePath) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(basePath, path));
}
