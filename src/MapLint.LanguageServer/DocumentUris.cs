namespace MapLint.LanguageServer;

/// <summary><c>file://</c> URIs to local paths and back, as clients send and expect them.</summary>
public static class DocumentUris
{
    public static string? ToPath(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
