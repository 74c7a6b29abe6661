using System.CommandLine;
using System.Globalization;
using MapLint.Diagnostics;
using MapLint.Metadata;
using MapLint.Model;
using MapLint.Reporting;
using MapLint.Syntax;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint metadata import`: converts the apps' own metadata exports into entityMetadata documents.</summary>
public static class MetadataCommand
{
    private static readonly Option<string[]> DataverseOption = new("--dataverse")
    {
        Description = "Dataverse Web API EntityDefinitions exports (JSON, one entity or a collection); repeatable.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string[]> FinanceAndOperationsOption = new("--fo")
    {
        Description = "Finance and operations OData $metadata documents (CSDL/EDMX XML); repeatable.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string[]> SharingOption = new("--cross-company-data-sharing")
    {
        Description = "Finance and operations entities with cross-company data sharing enabled ($metadata does not say); repeatable.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string> OutputOption = new("--output", "-o")
    {
        Description = "Folder to write dataverse.json and finance-and-operations.json into.",
        Required = true,
    };

    public static Command GetCommand()
    {
        var import = new Command("import", "Convert Dataverse and finance and operations metadata exports into entityMetadata documents (sorted, diff-friendly).")
        {
            DataverseOption,
            FinanceAndOperationsOption,
            SharingOption,
            OutputOption,
        };
        import.SetAction(parseResult => Import(
            parseResult.GetValue(DataverseOption) ?? [],
            parseResult.GetValue(FinanceAndOperationsOption) ?? [],
            parseResult.GetValue(SharingOption) ?? [],
            parseResult.GetValue(OutputOption)!,
            Directory.GetCurrentDirectory(),
            Console.Out,
            Console.Error));
        return new Command("metadata", "Work with entity metadata.") { import };
    }

    public static int Import(IReadOnlyList<string> dataverse, IReadOnlyList<string> financeAndOperations, IReadOnlyList<string> sharing, string output, string currentDirectory, TextWriter stdout, TextWriter stderr)
    {
        if (dataverse.Count + financeAndOperations.Count == 0)
        {
            stderr.Write("maplint: give at least one --dataverse or --fo export\n");
            return ExitCodes.UsageError;
        }

        var diagnostics = new List<Diagnostic>();
        var written = new List<string>();
        var notWritten = new List<string>();
        foreach (var (app, files, file) in new[] { (Apps.Dataverse, dataverse, "dataverse.json"), (Apps.FinanceAndOperations, financeAndOperations, "finance-and-operations.json") })
        {
            if (files.Count == 0)
            {
                continue;
            }

            var entities = new Dictionary<string, ExportedEntity>(StringComparer.OrdinalIgnoreCase);
            bool failed = false;
            foreach (var path in files)
            {
                string full = Path.GetFullPath(Path.Combine(currentDirectory, path));
                if (!File.Exists(full))
                {
                    stderr.Write($"maplint: export not found: '{path}'\n");
                    return ExitCodes.UsageError;
                }

                var bag = new DiagnosticBag(FileDiscovery.ToDisplayPath(full, currentDirectory), null);
                byte[] bytes;
                try
                {
                    bytes = SafeFileReader.Read(full);
                }
                catch (UnsafeReadException ex)
                {
                    stderr.Write($"maplint: cannot read export '{path}': {ex.Message}\n");
                    return ExitCodes.UsageError;
                }

                var export = app == Apps.Dataverse ? ReadDataverse(bytes, bag) : FinanceOperationsMetadataReader.Read(bytes, bag, sharing);
                diagnostics.AddRange(bag.Diagnostics);
                failed |= export is null || bag.Diagnostics.Any(d => d.Severity == Severity.Error);
                foreach (var entity in export?.Entities ?? [])
                {
                    entities[entity.Name] = entities.TryGetValue(entity.Name, out var known) ? ExportedEntity.Join(known, entity) : entity;
                }
            }

            string target = Path.Combine(Path.GetFullPath(Path.Combine(currentDirectory, output)), file);
            if (failed)
            {
                // An export that could not be read (a 401 body saved by curl, a truncated download) must not turn
                // the committed metadata into a partial or empty one: nothing is written for this app.
                notWritten.Add($"{FileDiscovery.ToDisplayPath(target, currentDirectory)} was not written: an export of it could not be read (see above); fix the export and import again");
                continue;
            }

            try
            {
                var inputs = dataverse.Concat(financeAndOperations).Select(p => Path.GetFullPath(Path.Combine(currentDirectory, p))).ToList();
                SafeFileWriter.Write(target, EntityMetadataWriter.Write(new MetadataExport(app, entities.Values.ToList())), new WriteGuard(WorkspaceRoot.GitRoot(currentDirectory) ?? currentDirectory, inputs));
            }
            catch (UnsafeWriteException ex)
            {
                stderr.Write("maplint: " + ex.Message + "\n");
                return ExitCodes.UsageError;
            }
            written.Add($"wrote {FileDiscovery.ToDisplayPath(target, currentDirectory)}: {entities.Count.ToString(CultureInfo.InvariantCulture)} entities");
        }

        diagnostics.Sort(DiagnosticComparer.Instance);
        foreach (var diagnostic in diagnostics)
        {
            stdout.Write(diagnostic + "\n");
        }

        foreach (var line in written)
        {
            stdout.Write(line + "\n");
        }

        foreach (var line in notWritten)
        {
            stderr.Write("maplint: " + line + "\n");
        }

        return notWritten.Count > 0 || diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.DiagnosticsFound : ExitCodes.Success;
    }

    private static MetadataExport? ReadDataverse(byte[] bytes, DiagnosticBag bag)
    {
        var text = SourceDecoder.Decode(bytes, bag);
        var root = text is null ? null : JsonParser.Parse(text, bag);
        if (root is JsonObject obj && DataverseMetadataReader.IsExport(obj))
        {
            return DataverseMetadataReader.Read(obj, bag);
        }

        if (root is not null)
        {
            bag.Add(MetadataRules.UnreadableExport, root.Span.Start == 0 ? default : new Text.TextSpan(0, 1), "$", "This is not a Dataverse EntityDefinitions export (no LogicalName and Attributes, nor a 'value' collection of them).");
        }

        return null;
    }
}
