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

/// <summary>The paths argument of `check` and `plan`.</summary>
public static class PathsArgument
{
    /// <summary>
    /// Files, folders and globs. A token that looks like an option and names no file is a parse error (an unknown
    /// option, with the closest known one), not a path that does not exist.
    /// </summary>
    public static System.CommandLine.Argument<string[]> Create(string description)
    {
        var argument = new System.CommandLine.Argument<string[]>("paths") { Description = description, Arity = System.CommandLine.ArgumentArity.ZeroOrMore };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => LooksLikeOption(t.Value)) is { } token && result.Parent is System.CommandLine.Parsing.CommandResult command)
            {
                var known = command.Command.Options.SelectMany(o => o.Aliases.Append(o.Name));
                result.AddError($"Unrecognized option '{token.Value}'.{Documents.NameSuggester.Hint(Documents.NameSuggester.Suggest(token.Value, known))} (A path that starts with '-' is written './{token.Value}'.)");
            }
        });
        return argument;
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !File.Exists(token) && !Directory.Exists(token);
}
