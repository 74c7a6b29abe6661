using System.CommandLine;
using System.Globalization;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Readers.ServiceRecords;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>
/// `maplint maps import`: converts the service's own records (Web API exports of msdyn_dualwriteentitymaps,
/// unpacked or zipped solutions, project and connection set documents) into MapLint's readable documents.
/// </summary>
public static class MapsCommand
{
    private static readonly Argument<string[]> InputsArgument = new("inputs")
    {
        Description = "Web API export pages, Customizations.xml files, solution .zip files, project or connection set documents, or folders holding them.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> OutputOption = new("--output", "-o")
    {
        Description = "Folder to write maps/, projects/, connection-sets/ and metadata/ into.",
        Required = true,
    };

    public static Command GetCommand()
    {
        var import = new Command("import", "Convert the service's map records, solutions, projects and connection sets into MapLint documents (sorted, one mapping per line).")
        {
            InputsArgument,
            OutputOption,
        };
        import.SetAction(parseResult => Import(parseResult.GetValue(InputsArgument) ?? [], parseResult.GetValue(OutputOption)!, Directory.GetCurrentDirectory(), Console.Out, Console.Error));
        return new Command("maps", "Work with the service's own map records.") { import };
    }

    public static int Import(IReadOnlyList<string> inputs, string output, string currentDirectory, TextWriter stdout, TextWriter stderr)
    {
        var discovered = FileDiscovery.Discover(inputs, currentDirectory);
        foreach (var error in discovered.Errors)
        {
            stderr.Write("maplint: " + error + "\n");
        }

        if (discovered.Errors.Count > 0)
        {
            return ExitCodes.UsageError;
        }

        var diagnostics = new List<Diagnostic>();
        var documents = new List<MapLintDocument>();
        foreach (var file in discovered.Files)
        {
            var bag = new DiagnosticBag(file.DisplayPath, null);
            var bytes = DocumentLoader.ReadBytes(file, bag);
            var read = bytes is null ? [] : ServiceDocuments.TryRead(file.FullPath, file.DisplayPath, bytes, bag);
            diagnostics.AddRange(bag.Diagnostics);
            if (read is null)
            {
                if (inputs.Any(i => Path.GetFullPath(Path.Combine(currentDirectory, i)) == file.FullPath))
                {
                    stderr.Write($"maplint: '{file.DisplayPath}' is not one of the service's formats (a Web API export of msdyn_dualwriteentitymaps, a solution, a project or a connection set document)\n");
                    return ExitCodes.UsageError;
                }

                continue;
            }

            documents.AddRange(read);
        }

        diagnostics.Sort(DiagnosticComparer.Instance);
        foreach (var diagnostic in diagnostics)
        {
            stdout.Write(diagnostic + "\n");
        }

        // A failed read writes nothing: a good document from an earlier import is never replaced by a partial one.
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            stderr.Write("maplint: nothing was written; fix the errors above and import again\n");
            return ExitCodes.DiagnosticsFound;
        }

        if (documents.Count == 0)
        {
            stderr.Write("maplint: no map records, projects or connection sets found\n");
            return ExitCodes.UsageError;
        }

        string root = Path.GetFullPath(Path.Combine(currentDirectory, output));
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var (folder, content) = document switch
            {
                TableMap map => ("maps", ImportWriter.Write(map)),
                Project project => ("projects", ImportWriter.Write(project)),
                ConnectionSet set => ("connection-sets", ImportWriter.Write(set)),
                EntityMetadataDocument metadata => ("metadata", ImportWriter.Write(metadata)),
                _ => (string.Empty, string.Empty),
            };
            if (folder.Length == 0)
            {
                continue;
            }

            string name = ImportWriter.FileName(document is EntityMetadataDocument m ? (m.Name.Length > 0 ? m.Name : m.App) : document.Name);
            string path = Path.Combine(root, folder, name);
            for (int n = 2; files.ContainsKey(path); n++)
            {
                path = Path.Combine(root, folder, Path.GetFileNameWithoutExtension(name) + "-" + n.ToString(CultureInfo.InvariantCulture) + ".json");
            }

            files[path] = content;
        }

        // Every target is checked before the first is written, so a refused one leaves nothing half imported.
        var guard = new WriteGuard(WorkspaceRoot.GitRoot(currentDirectory) ?? currentDirectory, discovered.Files.Select(f => f.FullPath).ToList());
        try
        {
            foreach (var path in files.Keys)
            {
                SafeFileWriter.Check(path, guard);
            }

            foreach (var (path, content) in files)
            {
                SafeFileWriter.Write(path, content, guard);
                stdout.Write("wrote " + FileDiscovery.ToDisplayPath(path, currentDirectory) + "\n");
            }
        }
        catch (UnsafeWriteException ex)
        {
            stderr.Write("maplint: " + ex.Message + "\n");
            return ExitCodes.UsageError;
        }

        return ExitCodes.Success;
    }
}
