using System.CommandLine;
using MapLint.Documents;

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
            Directory.CreateDirectory(folder);
            foreach (var kind in DocumentKinds.All)
            {
                string path = Path.Combine(folder, kind.SchemaFileName);
                string temp = path + ".tmp";
                File.WriteAllText(temp, SchemaWriter.Write(kind));
                File.Move(temp, path, overwrite: true);
                Console.Out.WriteLine(path);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
