using System.CommandLine;
using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Cli;

/// <summary>`maplint rules`: every rule with its default severity, category and title.</summary>
public static class RulesCommand
{
    public static Command GetCommand()
    {
        var command = new Command("rules", "List every rule: id, default severity, category, title.");
        command.SetAction(_ =>
        {
            foreach (var d in AnalyzerCatalog.AllDescriptors)
            {
                Console.Out.Write($"{d.Id}\t{d.DefaultSeverity.ToDisplayString()}\t{d.Category}\t{d.Title}\n");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
