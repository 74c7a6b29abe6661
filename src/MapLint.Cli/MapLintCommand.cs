using System.CommandLine;
using System.Reflection;

namespace MapLint.Cli;

/// <summary>The root command; each subcommand lives in its own class with a GetCommand() factory.</summary>
public static class MapLintCommand
{
    public static string Version =>
        typeof(MapLintCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static int Run(string[] args)
    {
        var root = new RootCommand("MapLint: static checks for Dynamics 365 dual-write table maps and Data Integrator projects.");
        root.Subcommands.Add(CheckCommand.GetCommand());
        root.Subcommands.Add(PlanCommand.GetCommand());
        root.Subcommands.Add(ExplainCommand.GetCommand());
        root.Subcommands.Add(HookCommand.GetCommand());
        root.Subcommands.Add(MetadataCommand.GetCommand());
        root.Subcommands.Add(MapsCommand.GetCommand());
        root.Subcommands.Add(RulesCommand.GetCommand());
        root.Subcommands.Add(SchemasCommand.GetCommand());
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                Console.Error.WriteLine("maplint: " + error.Message);
            }

            Console.Error.WriteLine("Run 'maplint --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parseResult.Invoke();
    }
}
