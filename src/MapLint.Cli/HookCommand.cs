using System.CommandLine;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint hook install`: a plain git pre-commit hook, for teams without the pre-commit framework.</summary>
public static class HookCommand
{
    /// <summary>Lints the staged JSON files; MapLint loads the rest of the workspace itself.</summary>
    public const string Script = """
        #!/bin/sh
        # Installed by `maplint hook install`: checks the staged JSON files (and solutions' XML and zip files) before each commit.
        files=$(git diff --cached --name-only --diff-filter=ACMR -- '*.json' '*.xml' '*.zip')
        [ -z "$files" ] && exit 0
        # shellcheck disable=SC2086
        exec maplint check --show-source never $files

        """;

    private static readonly Option<bool> ForceOption = new("--force") { Description = "Replace an existing pre-commit hook." };

    public static Command GetCommand()
    {
        var install = new Command("install", "Write .git/hooks/pre-commit running `maplint check` on staged JSON files.") { ForceOption };
        install.SetAction(parseResult => Install(Directory.GetCurrentDirectory(), parseResult.GetValue(ForceOption), Console.Out, Console.Error));
        return new Command("hook", "Git hook for teams without the pre-commit framework.") { install };
    }

    public static int Install(string folder, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (WorkspaceRoot.GitRoot(folder) is not { } root || !Directory.Exists(Path.Combine(root, ".git")))
        {
            stderr.Write("maplint: not inside a git repository (with a .git folder)\n");
            return ExitCodes.UsageError;
        }

        string hook = Path.Combine(root, ".git", "hooks", "pre-commit");
        if (File.Exists(hook) && !force)
        {
            stderr.Write($"maplint: {hook} already exists; it was left as it is. Use --force to replace it.\n");
            return ExitCodes.UsageError;
        }

        try
        {
            SafeFileWriter.Write(hook, Script.Replace("\r\n", "\n", StringComparison.Ordinal), new WriteGuard(root));
            if (!OperatingSystem.IsWindows())
            {
                string written = FileKinds.RealPath(hook) ?? hook;
                File.SetUnixFileMode(written, File.GetUnixFileMode(written) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }

        }
        catch (UnsafeWriteException ex)
        {
            stderr.Write("maplint: " + ex.Message + "\n");
            return ExitCodes.UsageError;
        }

        stdout.Write($"installed {hook}\n");
        return ExitCodes.Success;
    }
}
