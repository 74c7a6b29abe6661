using System.Diagnostics;

namespace MapLint.Cli;

/// <summary>
/// `maplint check --staged`: checks what the commit will hold, the index, not the working tree. The index's
/// copies of the files MapLint may read (JSON, XML exports, .editorconfig) are written to a temporary folder with
/// `git checkout-index`, the staged changes are checked there in hook mode (with the documents that depend on
/// them), and findings show the repository's own relative paths.
/// </summary>
public static class StagedCheck
{
    public static int Execute(CheckCommand.Options options, TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        if (Git(currentDirectory, ["rev-parse", "--show-toplevel"]) is not { Exit: 0 } top)
        {
            stderr.Write("maplint: --staged needs a git repository (git rev-parse --show-toplevel failed)\n");
            return ExitCodes.UsageError;
        }

        string topLevel = Path.GetFullPath(top.Output.TrimEnd('\n'));
        var changed = Git(topLevel, ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMRD", "--no-renames"]) ?? (1, string.Empty);
        var inputs = Paths(changed.Output).Where(IsInput).ToList();
        if (inputs.Count == 0)
        {
            return ExitCodes.Success; // nothing MapLint reads is part of this commit
        }

        string snapshot = Directory.CreateTempSubdirectory("maplint-staged-").FullName;
        try
        {
            // The snapshot stands for the repository: its root is the workspace root, as the git root is for the
            // working tree (configuration is looked for up to it, files are read only inside it).
            Directory.CreateDirectory(Path.Combine(snapshot, ".git"));
            var indexed = Git(topLevel, ["ls-files", "-z", "--cached"]) ?? (1, string.Empty);
            string list = string.Concat(Paths(indexed.Output).Where(IsInput).Select(p => p + "\0"));
            if (Git(topLevel, ["checkout-index", "-z", "--stdin", "--prefix=" + snapshot + Path.DirectorySeparatorChar], list) is not { Exit: 0 } checkout)
            {
                stderr.Write("maplint: could not read the staged files (git checkout-index failed)\n");
                return ExitCodes.UsageError;
            }

            // Files the run writes or reads besides the snapshot stay where the user named them.
            options = options with
            {
                Output = options.Output is null ? null : Path.GetFullPath(options.Output, currentDirectory),
                Baseline = options.Baseline is null ? null : Path.GetFullPath(options.Baseline, currentDirectory),
            };

            // The same relative place inside the snapshot, so paths print as they do in the repository.
            string here = Path.Combine(snapshot, Path.GetRelativePath(topLevel, currentDirectory));
            Directory.CreateDirectory(here);
            var present = inputs.Select(p => Path.Combine(snapshot, p)).Where(File.Exists).ToList();
            var deleted = inputs.Count - present.Count;
            if (present.Count == 0 || deleted > 0)
            {
                // A deleted input can change the findings of anything: check the whole staged workspace.
                string? config = options.Config is null ? null : Path.Combine(snapshot, Path.GetRelativePath(topLevel, Path.GetFullPath(options.Config, currentDirectory)));
                return CheckCommand.Execute(options with { Paths = [snapshot], Config = config, Staged = false }, stdout, stderr, here);
            }

            string? staged = options.Config is null ? null : Path.Combine(snapshot, Path.GetRelativePath(topLevel, Path.GetFullPath(options.Config, currentDirectory)));
            return CheckCommand.Execute(options with { Paths = present, Config = staged, Staged = false }, stdout, stderr, here, snapshot);
        }
        finally
        {
            Directory.Delete(snapshot, recursive: true);
        }
    }

    /// <summary>The files MapLint may read: documents and exports, and the .editorconfig files with their severities.</summary>
    private static bool IsInput(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(path).Equals(".editorconfig", StringComparison.Ordinal);

    private static IEnumerable<string> Paths(string nulSeparated) => nulSeparated.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static (int Exit, string Output)? Git(string folder, IReadOnlyList<string> args, string? input = null)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }

            process.WaitForExit();
            _ = error.Result;
            return (process.ExitCode, output.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }

    internal static (int Exit, string Output)? RunGit(string folder, params string[] args) => Git(folder, args);
}
