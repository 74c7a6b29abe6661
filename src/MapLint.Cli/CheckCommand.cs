using System.CommandLine;
using System.Text;
using MapLint.Diagnostics;
using MapLint.Reporting;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint check [paths…]`: lint documents and report.</summary>
public static class CheckCommand
{
    private static readonly Argument<string[]> PathsArgument = new("paths")
    {
        Description = "Files, folders or globs to check (default: the current folder).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> FormatOption = new("--format", "-f")
    {
        Description = "Output format.",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<bool> WarnAsErrorOption = new("--warnaserror")
    {
        Description = "Exit with 1 when there are warnings, as with errors.",
    };

    private static readonly Option<string> SourceOption = new("--show-source")
    {
        Description = "Show the source line with a caret under each finding: auto (when writing to a terminal), always, never.",
        DefaultValueFactory = _ => "auto",
    };

    public sealed record Options(IReadOnlyList<string> Paths, string Format, bool WarnAsError, bool ShowSource);

    public static Command GetCommand()
    {
        FormatOption.AcceptOnlyFromAmong("text", "json");
        SourceOption.AcceptOnlyFromAmong("auto", "always", "never");
        var command = new Command("check", "Check table maps, connection sets, projects and metadata.")
        {
            PathsArgument,
            FormatOption,
            WarnAsErrorOption,
            SourceOption,
        };
        command.SetAction(parseResult =>
        {
            string showSource = parseResult.GetValue(SourceOption)!;
            var options = new Options(
                parseResult.GetValue(PathsArgument) is { Length: > 0 } paths ? paths : ["."],
                parseResult.GetValue(FormatOption)!,
                parseResult.GetValue(WarnAsErrorOption),
                showSource == "always" || (showSource == "auto" && !Console.IsOutputRedirected));
            return Execute(options, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Execute(Options options, TextWriter stdout, TextWriter stderr)
    {
        string currentDirectory = Directory.GetCurrentDirectory();
        var discovery = FileDiscovery.Discover(options.Paths, currentDirectory);
        if (discovery.Errors.Count > 0)
        {
            foreach (var error in discovery.Errors)
            {
                stderr.WriteLine("maplint: " + error);
            }

            return ExitCodes.UsageError;
        }

        var result = Linter.Run(discovery.Files);
        if (result.DocumentCount == 0 && result.Diagnostics.Count == 0)
        {
            stderr.WriteLine($"maplint: nothing to check: no MapLint documents (JSON with a 'kind') under {string.Join(", ", options.Paths)}");
            return ExitCodes.UsageError;
        }

        if (options.Format == "json")
        {
            using var buffer = new MemoryStream();
            JsonReporter.Write(result, buffer, MapLintCommand.Version);
            stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            var buffer = new StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture);
            TextReporter.Write(result, buffer, options.ShowSource);
            stdout.Write(buffer.ToString());
        }

        bool failed = result.Count(Severity.Error) > 0 || (options.WarnAsError && result.Count(Severity.Warning) > 0);
        return failed ? ExitCodes.DiagnosticsFound : ExitCodes.Success;
    }
}
