using System.CommandLine;
using MapLint.Configuration;
using MapLint.Documents;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint schemas DIR`: writes the JSON Schema of each document kind (how schemas/ is regenerated).</summary>
public static class SchemasCommand
{
    private static readonly Argument<string> FolderArgument = new("folder") { Description = "Folder to write the *.schema.json files into." };

    public static Command GetCommand()
    {
        var command = new Command("schemas", "Write the JSON Schema (draft-07) of every document kind into a folder.") { FolderArgument };
        command.SetAction(parseResult =>
        {
            string folder = parseResult.GetValue(FolderArgument)!;
            var schemas = DocumentKinds.All.Select(k => (k.SchemaFileName, SchemaWriter.Write(k)))
                .Append(("maplint.schema.json", SchemaWriter.Write("configuration", "maplint.schema.json", ConfigLoader.Shape)));
            foreach (var (file, text) in schemas)
            {
                string path = Path.Combine(folder, file);
                try
                {
                    SafeFileWriter.Write(path, text, new WriteGuard(WorkspaceRoot.GitRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory()));
                }
                catch (UnsafeWriteException ex)
                {
                    Console.Error.Write("maplint: " + ex.Message + "\n");
                    return ExitCodes.UsageError;
                }

                Console.Out.Write(path + "\n");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
