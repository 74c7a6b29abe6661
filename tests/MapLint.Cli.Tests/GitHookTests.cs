namespace MapLint.Cli.Tests;

/// <summary>
/// The plain git hook (`maplint hook install`) through real git commits: the index is checked, not the working
/// tree; names with spaces; documents that depend on a staged file; core.hooksPath; worktrees. MapLint is put on
/// PATH as the program under test (the built CLI, or MAPLINT_CLI's native build).
/// </summary>
public class GitHookTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-hook-").FullName;

    public GitHookTests()
    {
        // A `maplint` on PATH that runs the build under test, as a global tool or the native build would be.
        string bin = Directory.CreateDirectory(Path.Combine(temp, "bin")).FullName;
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string target = CliRunner.NativeCli ?? $"dotnet {Path.Combine(CliRunner.Root, "src", "MapLint.Cli", "bin", configuration, "net10.0", "maplint.dll")}";
        string shim = Path.Combine(bin, "maplint");
        File.WriteAllText(shim, $"#!/bin/sh\nexec {target} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, File.GetUnixFileMode(shim) | UnixFileMode.UserExecute);
        }
        Shim = shim;
        Environment = new Dictionary<string, string> { ["PATH"] = bin + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH") };
    }

    private Dictionary<string, string> Environment { get; }

    private string Shim { get; }

    public void Dispose() => Directory.Delete(temp, true);

    /// <summary>A repository holding examples/broken/DIPV2106 (clean but for one warning), committed, with the hook installed.</summary>
    private string Repository(string name = "repo")
    {
        string repo = Directory.CreateDirectory(Path.Combine(temp, name)).FullName;
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "config", "user.email", "ci@example.invalid");
        Git(repo, "config", "user.name", "CI");
        Directory.CreateDirectory(Path.Combine(repo, "maps"));
        Directory.CreateDirectory(Path.Combine(repo, "metadata"));
        string source = Path.Combine(CliRunner.Root, "examples", "broken", "DIPV2106");
        foreach (var file in Directory.GetFiles(source))
        {
            string folder = Path.GetFileName(file).StartsWith("metadata-", StringComparison.Ordinal) ? "metadata" : "maps";
            File.Copy(file, Path.Combine(repo, folder, Path.GetFileName(file)));
        }

        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "maps", "--no-verify");
        return repo;
    }

    private static string BreakKey(string text) =>
        text.Replace("{ \"source\": \"CUSTOMERACCOUNT\", \"direction\": \"=\"", "{ \"source\": \"CUSTOMERACCOUNT\", \"direction\": \">\"", StringComparison.Ordinal);

    private (int Exit, string Output) Commit(string repo, string message) =>
        CliRunner.RunProcess("git", ["commit", "-m", message], repo, Environment);

    private void Install(string repo)
    {
        var (exit, output) = CliRunner.RunProcess(Shim, ["hook", "install"], repo, Environment);
        Assert.True(exit == 0, output);
    }

    [SkippableFact]
    public void TheHookChecksTheStagedContentNotTheWorkingTree()
    {
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");
        string repo = Repository();
        Install(repo);
        string map = Path.Combine(repo, "maps", "map.json");
        string good = File.ReadAllText(map);

        // Stage a broken key, then fix it in the working tree only: the commit would hold the broken map.
        File.WriteAllText(map, BreakKey(good));
        Git(repo, "add", "maps/map.json");
        File.WriteAllText(map, good);
        var (refused, output) = Commit(repo, "broken in the index");
        Assert.True(refused != 0, output);
        Assert.Contains("maps/map.json(7,", output, StringComparison.Ordinal);
        Assert.Contains("error DIPV1004", output, StringComparison.Ordinal);

        // The other way round: the index holds a good change, the working tree is broken: the commit passes.
        File.WriteAllText(map, good + "\n");
        Git(repo, "add", "maps/map.json");
        File.WriteAllText(map, BreakKey(good));
        var (accepted, acceptedOutput) = Commit(repo, "fixed in the index");
        Assert.True(accepted == 0, acceptedOutput);
    }

    [SkippableFact]
    public void FileNamesWithSpacesAreCheckedWhole()
    {
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");
        string repo = Repository();
        Install(repo);
        File.Move(Path.Combine(repo, "maps", "map.json"), Path.Combine(repo, "maps", "my customers.json"));
        string map = Path.Combine(repo, "maps", "my customers.json");
        File.WriteAllText(map, BreakKey(File.ReadAllText(map)));
        Git(repo, "add", "-A");
        var (refused, output) = Commit(repo, "a name with a space");
        Assert.True(refused != 0, output);
        Assert.Contains("maps/my customers.json(7,", output, StringComparison.Ordinal);
        Assert.DoesNotContain("path not found", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AMetadataChangeThatBreaksAnUnchangedMapIsRefused()
    {
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");
        string repo = Repository();
        Install(repo);

        // Only the metadata changes: the account table loses the 'name' field the unchanged map writes.
        string metadata = Path.Combine(repo, "metadata", "metadata-dataverse.json");
        string text = File.ReadAllText(metadata);
        string edited = text.Replace("\"name\": { \"type\": \"string\", \"maxLength\": 100, \"required\": true },", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        File.WriteAllText(metadata, edited);
        Git(repo, "add", "-A");
        var (refused, output) = Commit(repo, "metadata only");
        Assert.True(refused != 0, output);
        Assert.Contains("maps/map.json(", output, StringComparison.Ordinal);
        Assert.Contains("error DIPV1025", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void CoreHooksPathIsWhereTheHookGoes()
    {
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");
        string repo = Repository();
        Git(repo, "config", "core.hooksPath", ".husky"); // as Husky.Net sets it
        Install(repo);
        Assert.True(File.Exists(Path.Combine(repo, ".husky", "pre-commit")));
        Assert.False(File.Exists(Path.Combine(repo, ".git", "hooks", "pre-commit")));

        string map = Path.Combine(repo, "maps", "map.json");
        File.WriteAllText(map, BreakKey(File.ReadAllText(map)));
        Git(repo, "add", "maps/map.json");
        var (refused, output) = Commit(repo, "broken");
        Assert.True(refused != 0, output);
        Assert.Contains("error DIPV1004", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void InstallFromAWorktreeGuardsItsCommits()
    {
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");
        string repo = Repository();
        string worktree = Path.Combine(temp, "worktree");
        Git(repo, "worktree", "add", "-q", worktree, "-b", "feature");
        Install(worktree);

        string map = Path.Combine(worktree, "maps", "map.json");
        File.WriteAllText(map, BreakKey(File.ReadAllText(map)));
        Git(worktree, "add", "maps/map.json");
        var (refused, output) = Commit(worktree, "broken in a worktree");
        Assert.True(refused != 0, output);
        Assert.Contains("maps/map.json(7,", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AStagedWebApiExportIsCheckedAtTheEscapedPosition()
    {
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");
        // A team's repository of the service's own records: examples/service's two-page Web API export of
        // msdyn_dualwriteentitymaps beside the examples' metadata, committed, the hook installed.
        string repo = Directory.CreateDirectory(Path.Combine(temp, "records")).FullName;
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "config", "user.email", "ci@example.invalid");
        Git(repo, "config", "user.name", "CI");
        foreach (var (from, to) in new[] { ("examples/service/webapi", "exports/maps"), ("examples/metadata", "metadata") })
        {
            string folder = Directory.CreateDirectory(Path.Combine(repo, to)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, from)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "records", "--no-verify");
        Install(repo);

        // A record's syncDirection edited to one the service does not know, staged; the working tree put back:
        // the staged page is what the commit would hold, and it is refused at the escaped value on its one line.
        string page = Path.Combine(repo, "exports", "maps", "page-1.json");
        string good = File.ReadAllText(page);
        int at = good.IndexOf("\\\"syncDirection\\\":\\\"3\\\"", StringComparison.Ordinal);
        Assert.True(at > 0);
        string broken = good[..at] + "\\\"syncDirection\\\":\\\"9\\\"" + good[(at + "\\\"syncDirection\\\":\\\"3\\\"".Length)..];
        File.WriteAllText(page, broken);
        Git(repo, "add", "exports/maps/page-1.json");
        File.WriteAllText(page, good);
        var (refused, output) = Commit(repo, "an unknown direction");
        Assert.True(refused != 0, output);
        int column = broken.IndexOf("\\\"9\\\"", at, StringComparison.Ordinal) + 1;
        Assert.Contains($"exports/maps/page-1.json(1,{column}): error DIPV2033", output, StringComparison.Ordinal);

        // The page as the service names tables (by entity set: accounts), staged: the sets resolve, the commit passes.
        File.WriteAllText(page, good.Replace("\\\"destinationSchema\\\":\\\"account\\\"", "\\\"destinationSchema\\\":\\\"accounts\\\"", StringComparison.Ordinal));
        Git(repo, "add", "exports/maps/page-1.json");
        var (accepted, acceptedOutput) = Commit(repo, "tables by entity set");
        Assert.True(accepted == 0, acceptedOutput);
    }

    private void Git(string repo, params string[] args)
    {
        var (exit, output) = CliRunner.RunProcess("git", args, repo, Environment);
        Assert.True(exit == 0, $"git {string.Join(' ', args)}: {output}");
    }
}
