using System.CommandLine;
using MapLint.Analysis;
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

            Console.Out.Write(page);
            return ExitCodes.Success;
        });
        return command;
    }
}
