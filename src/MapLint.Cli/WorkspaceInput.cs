using MapLint.Configuration;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>What `check` and `plan` both start from: the configuration for the checked paths and the files they name.</summary>
public sealed record WorkspaceInput(ConfigLoadResult Config, DiscoveryResult Discovery)
{
    /// <summary>Null (after printing why) when the configuration file or a path does not exist.</summary>
    public static WorkspaceInput? Resolve(IReadOnlyList<string> paths, string? configPath, string currentDirectory, TextWriter stderr, Func<MapLintConfig, IReadOnlyList<string>>? pathsToDiscover = null)
    {
        string first = Path.GetFullPath(paths[0], currentDirectory);
        var config = ConfigLoader.Load(configPath, Directory.Exists(first) ? first : Path.GetDirectoryName(first) ?? currentDirectory, currentDirectory);
        if (config is null)
        {
            stderr.Write($"maplint: configuration file not found: '{configPath}'\n");
            return null;
        }

        var discovery = FileDiscovery.Discover(pathsToDiscover?.Invoke(config.Config) ?? paths, currentDirectory, config.Config);
        foreach (var error in discovery.Errors)
        {
            stderr.Write("maplint: " + error + "\n");
        }

        return discovery.Errors.Count > 0 ? null : new WorkspaceInput(config, discovery);
    }
}
