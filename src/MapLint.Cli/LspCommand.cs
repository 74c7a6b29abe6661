using System.CommandLine;

namespace MapLint.Cli;

/// <summary>`maplint lsp`: the language server, over standard input and output (editors start it).</summary>
public static class LspCommand
{
    public static Command GetCommand()
    {
        var command = new Command("lsp", "Run the language server over standard input and output: diagnostics as you type, fixes as code actions, hover and go to definition.");
        command.SetAction(_ =>
        {
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return new LanguageServer.LanguageServer(input, output, MapLintCommand.Version, Console.Error).Run();
        });
        return command;
    }
}
