namespace MapLint.Configuration;

/// <summary>
/// Reads <c>dotnet_diagnostic.DIPVxxxx.severity</c> from .editorconfig files, as Roslyn does, so .NET teams set
/// MapLint's severities where they set their analyzers'. Files are read from the folder up to the first with
/// <c>root = true</c> (and never above the git root); nearer files win. Sections apply when they cover JSON files (<c>[*]</c>, <c>[*.json]</c>,
/// <c>[**.json]</c>, <c>[*.{json,…}]</c>); per-folder sections are not interpreted.
/// </summary>
public static class EditorConfigSeverities
{
    public static Dictionary<string, ConfiguredSeverity> Read(string folder) => Read(Files(folder));

    /// <summary>The .editorconfig files that apply to the folder, nearest first, up to the one with root = true.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        var files = new List<string>();
        foreach (var dir in Workspace.WorkspaceRoot.ConfigurationFolders(folder))
        {
            string candidate = System.IO.Path.Combine(dir, ".editorconfig");
            if (File.Exists(candidate))
            {
                files.Add(candidate);
                if (IsRoot(candidate))
                {
                    break;
                }
            }
        }

        return files;
    }

    public static Dictionary<string, ConfiguredSeverity> Read(IReadOnlyList<string> files)
    {
        var result = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
        for (int i = files.Count - 1; i >= 0; i--)
        {
            foreach (var (id, severity) in Parse(SafeRead(files[i])))
            {
                if (severity is { } value)
                {
                    result[id] = value;
                }
                else
                {
                    result.Remove(id);
                }
            }
        }

        return result;
    }

    /// <summary>(rule id, severity) pairs in file order; a null severity ("default") removes an override.</summary>
    public static IEnumerable<(string Id, ConfiguredSeverity? Severity)> Parse(string text)
    {
        bool applies = false;
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                applies = CoversJson(line[1..^1]);
                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (!applies || eq < 0)
            {
                continue;
            }

            string key = line[..eq].Trim();
            string value = line[(eq + 1)..].Trim();
            const string Prefix = "dotnet_diagnostic.";
            const string Suffix = ".severity";
            if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            {
                string id = key[Prefix.Length..^Suffix.Length];
                if (id.StartsWith("DIPV", StringComparison.OrdinalIgnoreCase))
                {
                    yield return (id.ToUpperInvariant(), ConfiguredSeverities.Parse(value));
                }
            }
        }
    }

    private static bool CoversJson(string glob)
    {
        string g = glob.Trim();
        if (g is "*" or "**" or "*.json" or "**.json" or "**/*.json")
        {
            return true;
        }

        int open = g.IndexOf('{', StringComparison.Ordinal);
        int close = g.LastIndexOf('}');
        if (open >= 0 && close > open && (g[..open] is "*." or "**." or "**/*." or "" or "*" or "**/"))
        {
            return g[(open + 1)..close].Split(',').Any(p => p.Trim() is "json" or "*.json" or "**.json" or "*");
        }

        return false;
    }

    private static bool IsRoot(string path) =>
        SafeRead(path).Split('\n').TakeWhile(l => !l.TrimStart().StartsWith('[')).Any(l => l.Replace(" ", string.Empty).Equals("root=true", StringComparison.OrdinalIgnoreCase));

    private static string SafeRead(string path)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Util.SafeFileReader.Read(path, 1024 * 1024));
        }
        catch (Util.UnsafeReadException)
        {
            return string.Empty;
        }
    }
}
