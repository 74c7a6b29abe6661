using System.CommandLine;
using System.Globalization;
using System.Text;
using MapLint.Fixes;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint fix [paths…]`: apply the fixes of the findings in place (safe ones; unsafe ones with --unsafe).</summary>
public static class FixCommand
{
    private static readonly Argument<string[]> PathsArgument = new("paths")
    {
        Description = "Files, folders or globs to fix (default: the current folder). When only files are given, the rest of the workspace is loaded so references resolve, and only those files are changed.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> DryRunOption = new("--dry-run")
    {
        Description = "Change nothing: print the fixes as a unified diff (exit code 1 when there is any).",
    };

    private static readonly Option<bool> UnsafeOption = new("--unsafe")
    {
        Description = "Also apply unsafe fixes, which guess (a close field name); each rule's page says which its fix is.",
    };

    private static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "The maplint.json to use (default: the nearest one above the first path).",
    };

    public sealed record Options(IReadOnlyList<string> Paths, bool DryRun, bool Unsafe, string? Config);

    public static Command GetCommand()
    {
        var command = new Command("fix", "Apply the fixes of the findings to the files: formatting is kept, only the fixed spans change.")
        {
            PathsArgument,
            DryRunOption,
            UnsafeOption,
            ConfigOption,
        };
        command.SetAction(parseResult => Execute(
            new Options(
                parseResult.GetValue(PathsArgument) is { Length: > 0 } paths ? paths : ["."],
                parseResult.GetValue(DryRunOption),
                parseResult.GetValue(UnsafeOption),
                parseResult.GetValue(ConfigOption)),
            Console.Out,
            Console.Error,
            Directory.GetCurrentDirectory()));
        return command;
    }

    public static int Execute(Options options, TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        var fullPaths = options.Paths.Select(p => Path.GetFullPath(p, currentDirectory)).ToList();
        bool filesOnly = options.Paths.All(p => p.IndexOfAny(['*', '?']) < 0) && fullPaths.All(File.Exists);
        string? root = filesOnly ? WorkspaceRoot.Find(fullPaths[0]) : null;
        var input = WorkspaceInput.Resolve(options.Paths, options.Config, currentDirectory, stderr, _ => root is null ? options.Paths : [root, .. options.Paths]);
        if (input is null)
        {
            return ExitCodes.UsageError;
        }

        var (loaded, discovery) = input;
        var targets = filesOnly
            ? fullPaths.Select(p => FileDiscovery.ToDisplayPath(p, currentDirectory)).ToHashSet(StringComparer.Ordinal)
            : discovery.Files.Select(f => f.DisplayPath).ToHashSet(StringComparer.Ordinal);
        var fileOf = discovery.Files.GroupBy(f => f.DisplayPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Each file as the linter decodes it; files in another encoding than UTF-8 are linted but not rewritten.
        var read = WorkspaceSnapshot.Read(discovery.Files, new Dictionary<string, (string, byte[])>());
        var preambles = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var documents = new List<(string Path, byte[] Content)>(read.Count);
        foreach (var (path, bytes) in read)
        {
            if (WorkspaceSnapshot.AsUtf8(bytes) is { } utf8)
            {
                preambles[path] = utf8.Preamble;
                documents.Add((path, utf8.Text));
            }
            else
            {
                documents.Add((path, bytes));
            }
        }

        var lintOptions = new LintOptions { Config = loaded.Config };
        bool ShouldFix(string path) => targets.Contains(path) && preambles.ContainsKey(path);
        var fixedDocuments = FixRunner.Run(documents, docs => Linter.Run(docs, lintOptions).Diagnostics, ShouldFix, options.Unsafe)
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ToList();

        if (options.DryRun)
        {
            foreach (var document in fixedDocuments)
            {
                stdout.Write(UnifiedDiff.Create(document.Path.Replace('\\', '/'), Encoding.UTF8.GetString(document.Original), Encoding.UTF8.GetString(document.Fixed)));
            }
        }

        // The documents are what fix writes; the configuration is read and never written.
        var guard = new WriteGuard(WorkspaceRoot.GitRoot(currentDirectory) ?? currentDirectory, loaded.Config.Path is { } configFile ? [configFile] : []);
        int written = 0;
        foreach (var document in fixedDocuments)
        {
            string ids = string.Join(", ", document.Applied.GroupBy(f => f.Diagnostic.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));
            if (options.DryRun)
            {
                stderr.Write($"would fix {document.Path}: {ids}\n");
                continue;
            }

            // Never replace a file that changed since it was read: the fixes were computed on the old text.
            // Read again as the check read it (the one safe reader): a file swapped for a FIFO, a device or a link out
            // of the workspace since is refused, never followed.
            var file = fileOf[document.Path];
            string full = file.FullPath;
            var expected = Concat(preambles[document.Path], document.Original);
            byte[] now;
            try
            {
                now = SafeFileReader.Read(full, DocumentLoader.DefaultMaxFileBytes, file.Root);
            }
            catch (UnsafeReadException ex)
            {
                stderr.Write($"maplint: {document.Path} was not fixed: it can no longer be read ({ex.Message})\n");
                continue;
            }

            if (!now.AsSpan().SequenceEqual(expected))
            {
                stderr.Write($"maplint: {document.Path} was not fixed: it changed while the fixes were computed; run fix again\n");
                continue;
            }

            try
            {
                SafeFileWriter.Write(full, Concat(preambles[document.Path], document.Fixed), guard);
            }
            catch (UnsafeWriteException ex)
            {
                stderr.Write($"maplint: {document.Path} was not fixed: {ex.Message}\n");
                continue;
            }

            written++;
            stdout.Write($"fixed {document.Path}: {ids}\n");
        }

        int count = fixedDocuments.Sum(d => d.Applied.Count);
        string files = fixedDocuments.Count == 1 ? "file" : "files";
        string findings = count == 1 ? "finding" : "findings";
        string summary = fixedDocuments.Count == 0
            ? "nothing to fix"
            : options.DryRun
                ? $"would fix {count.ToString(CultureInfo.InvariantCulture)} {findings} in {fixedDocuments.Count.ToString(CultureInfo.InvariantCulture)} {files}"
                : $"fixed {count.ToString(CultureInfo.InvariantCulture)} {findings} in {written.ToString(CultureInfo.InvariantCulture)} {files}";
        stderr.Write("maplint: " + summary + (options.Unsafe ? string.Empty : UnsafeHint(documents, fixedDocuments, lintOptions, ShouldFix)) + "\n");
        if (written < fixedDocuments.Count && !options.DryRun)
        {
            return ExitCodes.DiagnosticsFound;
        }

        return options.DryRun && fixedDocuments.Count > 0 ? ExitCodes.DiagnosticsFound : ExitCodes.Success;
    }

    /// <summary>"; N more with --unsafe" when unsafe fixes remain on the fixed text.</summary>
    private static string UnsafeHint(List<(string Path, byte[] Content)> documents, IReadOnlyList<FixedDocument> fixedDocuments, LintOptions lintOptions, Func<string, bool> shouldFix)
    {
        var after = fixedDocuments.ToDictionary(d => d.Path, d => d.Fixed, StringComparer.Ordinal);
        var texts = documents.Select(d => (d.Path, after.GetValueOrDefault(d.Path) ?? d.Content)).ToList();
        var byPath = texts.ToDictionary(t => t.Path, t => t.Item2, StringComparer.Ordinal);
        int unsafeCount = Linter.Run(texts, lintOptions).Diagnostics
            .Where(d => shouldFix(d.Location.Path) && CodeFixes.HasFix(d.Id))
            .GroupBy(d => d.Location.Path)
            .Sum(g => CodeFixes.Choose(g, new FixDocument(byPath[g.Key]), includeUnsafe: true).Count(f => f.Safety == FixSafety.Unsafe));
        return unsafeCount == 0 ? string.Empty : $"; {unsafeCount.ToString(CultureInfo.InvariantCulture)} more with --unsafe";
    }

    private static byte[] Concat(byte[] preamble, byte[] text) => preamble.Length == 0 ? text : [.. preamble, .. text];
}
