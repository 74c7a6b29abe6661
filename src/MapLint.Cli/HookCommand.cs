using System.CommandLine;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint hook install`: a plain git pre-commit hook, for teams without the pre-commit framework.</summary>
public static class HookCommand
{
    /// <summary>
    /// Checks the index (what the commit will hold) with `maplint check --staged`, which reads the staged file
    /// names itself, so names with spaces pass whole. MapLint is found as the repository's local tool (its
    /// manifest pins the version) or on PATH (a global tool or the native build).
    /// </summary>
    public const string Script = """
        #!/bin/sh
        # Installed by `maplint hook install`: checks the staged MapLint documents, and the documents that depend on
        # them, before each commit. What is checked is the index, not the working tree.
        if dotnet tool list --local 2>/dev/null | grep -qi '^maplint '; then
          exec dotnet tool run maplint check --staged --show-source never
        elif command -v maplint >/dev/null 2>&1; then
          exec maplint check --staged --show-source never
        fi
        echo "maplint: not found; install it as a local tool (dotnet tool install maplint) or put it on PATH" >&2
        exit 1

        """;

    private static readonly Option<bool> ForceOption = new("--force") { Description = "Replace an existing pre-commit hook." };

    public static Command GetCommand()
    {
        var install = new Command("install", "Write the git pre-commit hook (where git runs it: core.hooksPath, worktrees) running `maplint check --staged`.") { ForceOption };
        install.SetAction(parseResult => Install(Directory.GetCurrentDirectory(), parseResult.GetValue(ForceOption), Console.Out, Console.Error));
        return new Command("hook", "Git hook for teams without the pre-commit framework.") { install };
    }

    public static int Install(string folder, bool force, TextWriter stdout, TextWriter stderr)
    {
        // Git itself says where it runs hooks: core.hooksPath when set (Husky.Net sets it), else the hooks folder
        // of the common git directory, which a worktree shares with its main checkout.
        if (StagedCheck.RunGit(folder, "rev-parse", "--path-format=absolute", "--git-path", "hooks") is not { Exit: 0 } hooks)
        {
            stderr.Write("maplint: not inside a git repository (git rev-parse --git-path hooks failed)\n");
            return ExitCodes.UsageError;
        }

        string hook = Path.Combine(hooks.Output.TrimEnd('\n'), "pre-commit");
        if (File.Exists(hook) && !force)
        {
            stderr.Write($"maplint: {hook} already exists; it was left as it is. Use --force to replace it.\n");
            return ExitCodes.UsageError;
        }

        try
        {
            SafeFileWriter.Write(hook, Script.Replace("\r\n", "\n", StringComparison.Ordinal), new WriteGuard(WorkspaceRoot.GitRoot(folder) ?? folder));
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
