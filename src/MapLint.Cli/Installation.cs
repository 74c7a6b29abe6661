namespace MapLint.Cli;

/// <summary>
/// How this MapLint was installed, so the text it prints names the command the user actually has: a global tool
/// or the native build (`maplint`), a local tool from a repository's manifest (`dotnet maplint`), or a run from a
/// clone of MapLint's own repository (`dotnet run --project src/MapLint.Cli --`).
/// </summary>
public static class Installation
{
    public const string FromSource = "dotnet run --project src/MapLint.Cli --";

    public static string Command { get; } = Detect(AppContext.BaseDirectory, Environment.ProcessPath);

    /// <summary>True when MapLint runs from a build of its own repository (its examples/ are then at hand).</summary>
    public static bool IsSourceBuild => Command == FromSource;

    public static string Detect(string baseDirectory, string? processPath)
    {
        string folder = baseDirectory.Replace('\\', '/');
        string process = Path.GetFileNameWithoutExtension(processPath ?? string.Empty);
        if (!process.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return "maplint"; // the native build, or the shim of a global tool / --tool-path install
        }

        if (folder.Contains("/src/MapLint.Cli/bin/", StringComparison.Ordinal))
        {
            return FromSource;
        }

        // `dotnet maplint` runs the package's assembly out of the NuGet cache: .../maplint/<version>/tools/<tfm>/any/.
        return folder.Contains("/maplint/", StringComparison.OrdinalIgnoreCase) && folder.Contains("/tools/", StringComparison.Ordinal) && !folder.Contains("/.store/", StringComparison.Ordinal)
            ? "dotnet maplint"
            : "maplint";
    }
}
