using System.CommandLine;
using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Reporting;

namespace MapLint.Cli;

/// <summary>`maplint explain DIPV1004`: prints the rule's page.</summary>
public static class ExplainCommand
{
    private static readonly Argument<string> RuleArgument = new("rule") { Description = "A rule id, e.g. DIPV1004." };

    public static Command GetCommand()
    {
        var command = new Command("explain", "Print a rule's page: cause, how to fix, how to suppress.") { RuleArgument };
        command.SetAction(parseResult =>
        {
            string id = parseResult.GetValue(RuleArgument)!;
            if (AnalyzerCatalog.Find(id) is not { } rule || RuleDocumentation.Page(rule.Id) is not { } page)
            {
                string hint = NameSuggester.Hint(NameSuggester.Suggest(id, AnalyzerCatalog.AllDescriptors.Select(d => d.Id)));
                Console.Error.Write($"maplint: '{id}' is not a MapLint rule.{hint} Run 'maplint rules' for the list.\n");
                return ExitCodes.UsageError;
            }

            Console.Out.Write(ForInstallation(page, rule.Id, Installation.Command));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// The pages show the commands of MapLint's own repository (its examples/ and `dotnet run`). For an installed
    /// MapLint they name the command the user has and point to the example in the repository instead.
    /// </summary>
    public static string ForInstallation(string page, string id, string command)
    {
        if (command == Installation.FromSource)
        {
            return page;
        }

        string example = $"examples/broken/{id}";
        return page
            .Replace($"`{example}/` triggers this rule:", $"In MapLint's repository, `{example}/` triggers this rule ({DiagnosticDescriptor.HelpLinkBase.Replace("/blob/main/docs/rules/", "/tree/main/", StringComparison.Ordinal)}{example}); on your own files:", StringComparison.Ordinal)
            .Replace($"{Installation.FromSource} check {example}", $"{command} check maps/", StringComparison.Ordinal)
            .Replace(Installation.FromSource, command, StringComparison.Ordinal)
            .Replace("`maplint ", $"`{command} ", StringComparison.Ordinal);
    }
}
