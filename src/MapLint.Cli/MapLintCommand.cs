using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using MapLint.Documents;

namespace MapLint.Cli;

/// <summary>The root command; each subcommand lives in its own class with a GetCommand() factory.</summary>
public static class MapLintCommand
{
    public static string Version =>
        typeof(MapLintCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public const string ExitCodesHelp = """
        Exit codes:
          0  no errors (or nothing that --fail-on names)
          1  findings that --fail-on names (errors by default)
          2  bad usage: an unknown option, conflicting options, a path, configuration or baseline file that does not exist, nothing to check, or an output that cannot be written

        """;

    public static RootCommand Create()
    {
        var root = new RootCommand("MapLint: static checks for Dynamics 365 dual-write table maps and Data Integrator projects.");
        root.Subcommands.Add(CheckCommand.GetCommand());
        root.Subcommands.Add(PlanCommand.GetCommand());
        root.Subcommands.Add(FixCommand.GetCommand());
        root.Subcommands.Add(LspCommand.GetCommand());
        root.Subcommands.Add(ExplainCommand.GetCommand());
        root.Subcommands.Add(HookCommand.GetCommand());
        root.Subcommands.Add(MetadataCommand.GetCommand());
        root.Subcommands.Add(RulesCommand.GetCommand());
        root.Subcommands.Add(SchemasCommand.GetCommand());

        // The help of every command ends with the exit codes, which scripts and CI steps depend on.
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } helpOption)
        {
            helpOption.Action = new HelpWithExitCodes(help);
        }

        return root;
    }

    public static int Run(string[] args)
    {
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // The parser's own errors; an unknown option (an unmatched token, or one the paths argument refused)
            // gets the closest option of its command, as the parser's typo corrections would suggest.
            var command = parseResult.CommandResult.Command;
            var known = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Concat(command.Subcommands.Select(c => c.Name)).ToList();
            foreach (var error in parseResult.Errors)
            {
                string message = error.Message;
                if (parseResult.UnmatchedTokens.FirstOrDefault(t => message.Contains("'" + t + "'", StringComparison.Ordinal)) is { } token)
                {
                    message = $"Unrecognized command or argument '{token}'." + NameSuggester.Hint(NameSuggester.Suggest(token, known));
                }

                Console.Error.WriteLine("maplint: " + message);
            }

            string name = command is RootCommand ? string.Empty : " " + string.Join(' ', Ancestry(command).Reverse());
            Console.Error.WriteLine($"Run '{Installation.Command}{name} --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parseResult.Invoke();
    }

    private static IEnumerable<string> Ancestry(Command command)
    {
        for (Command? c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c.Name;
        }
    }

    private sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int exit = inner.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.Write(ExitCodesHelp);
            return exit;
        }
    }
}
