namespace MapLint.Cli.Tests;

/// <summary>The real distribution paths: the packed dotnet tool, and the pre-commit framework installing it.</summary>
public class PackagingTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-packaging-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    /// <summary>A NuGet configuration with no remote source, so installs come from the local folder only.</summary>
    private string OfflineNuGetConfig()
    {
        string path = Path.Combine(temp, "nuget.config");
        File.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /></packageSources></configuration>");
        return path;
    }

    [Fact]
    public void ToolInstallsFromTheLocalPackageAndRuns()
    {
        // A configuration of its own keeps this build away from the binaries the other tests are running.
        string feed = Path.Combine(temp, "feed");
        var (packed, packOutput) = CliRunner.RunProcess("dotnet", ["pack", "src/MapLint.Cli/MapLint.Cli.csproj", "--no-restore", "--configuration", "PackTest", "--output", feed], CliRunner.Root);
        Assert.True(packed == 0, packOutput);
        Assert.Equal(["maplint.0.1.0.nupkg"], Directory.GetFiles(feed).Select(Path.GetFileName));

        string tools = Path.Combine(temp, "tools");
        var (installed, installOutput) = CliRunner.RunProcess("dotnet", ["tool", "install", "maplint", "--tool-path", tools, "--add-source", feed, "--configfile", OfflineNuGetConfig()], CliRunner.Root);
        Assert.True(installed == 0, installOutput);

        string maplint = Path.Combine(tools, OperatingSystem.IsWindows() ? "maplint.exe" : "maplint");
        var (versionExit, version) = CliRunner.RunProcess(maplint, ["--version"], CliRunner.Root);
        Assert.Equal(0, versionExit);
        Assert.Equal("0.1.0\n", version);
        var (checkExit, check) = CliRunner.RunProcess(maplint, ["check", "examples/", "--show-source", "never"], CliRunner.Root);
        Assert.Equal(0, checkExit);
        Assert.EndsWith("0 errors, 9 warnings in 44 files\n", check, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.RunProcess(maplint, ["check", "examples/broken/DIPV1004"], CliRunner.Root).ExitCode);
    }

    [SkippableFact]
    public void PreCommitRefusesABrokenMapAndAcceptsAFixedOne()
    {
        Skip.IfNot(CliRunner.OnPath("pre-commit"), "the pre-commit framework is not installed (Debian package pre-commit; .ci/run installs it)");
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");
        var (revExit, rev) = CliRunner.RunProcess("git", ["rev-parse", "HEAD"], CliRunner.Root);
        Skip.If(revExit != 0, "this checkout of MapLint is not a git repository, so pre-commit cannot clone it");

        // A team's repository whose pre-commit configuration points at this repository's hook, at its committed HEAD.
        string repo = Directory.CreateDirectory(Path.Combine(temp, "team")).FullName;
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "config", "user.email", "ci@example.invalid");
        Git(repo, "config", "user.name", "CI");
        string source = Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004");
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(repo, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"), $"repos:\n  - repo: {CliRunner.Root}\n    rev: {rev.Trim()}\n    hooks:\n      - id: maplint\n");
        var environment = new Dictionary<string, string> { ["PRE_COMMIT_HOME"] = Path.Combine(temp, "pre-commit-home") };
        var (installed, installOutput) = CliRunner.RunProcess("pre-commit", ["install"], repo, environment);
        Assert.True(installed == 0, installOutput);

        Git(repo, "add", "-A");
        var (refused, output) = CliRunner.RunProcess("git", ["commit", "-m", "broken map"], repo, environment, timeoutSeconds: 900);
        Assert.True(refused != 0, output);
        Assert.Contains("map.json(7,69): error DIPV1004", output, StringComparison.Ordinal);

        string map = Path.Combine(repo, "map.json");
        File.WriteAllText(map, File.ReadAllText(map).Replace("\"direction\": \">\"", "\"direction\": \"=\"", StringComparison.Ordinal));
        Git(repo, "add", "-A");
        var (accepted, acceptedOutput) = CliRunner.RunProcess("git", ["commit", "-m", "fixed map"], repo, environment, timeoutSeconds: 900);
        Assert.True(accepted == 0, acceptedOutput);
        Assert.Contains("MapLint", acceptedOutput, StringComparison.Ordinal);
    }

    /// <summary>The README's .pre-commit-config.yaml snippet, exactly as written there.</summary>
    private static string ReadmePreCommitSnippet()
    {
        string readme = File.ReadAllText(Path.Combine(CliRunner.Root, "README.md"));
        var match = System.Text.RegularExpressions.Regex.Match(readme, "```yaml\n# \\.pre-commit-config\\.yaml\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no .pre-commit-config.yaml snippet");
        return match.Groups[1].Value;
    }

    [SkippableFact]
    public void TheReadmesPreCommitSnippetAndThePlainHookRunTheLocalTool()
    {
        Skip.IfNot(CliRunner.OnPath("pre-commit"), "the pre-commit framework is not installed (Debian package pre-commit; .ci/run installs it)");
        Skip.IfNot(CliRunner.OnPath("git"), "git is not installed");

        // A team's repository with MapLint as its local tool only (nothing on PATH): maps, metadata beside them.
        string feed = Path.Combine(temp, "feed");
        var (packed, packOutput) = CliRunner.RunProcess("dotnet", ["pack", "src/MapLint.Cli/MapLint.Cli.csproj", "--no-restore", "--configuration", "PackTest", "--output", feed], CliRunner.Root);
        Assert.True(packed == 0, packOutput);
        string repo = Directory.CreateDirectory(Path.Combine(temp, "team")).FullName;
        // The NuGet folder is this test's own, so the dotnet CLI's tool resolver cache (in DOTNET_CLI_HOME) must be
        // too: a shared ~/.dotnet/toolResolverCache keeps the entry of an earlier run for maplint 0.1.0, pointing
        // into that run's deleted folder, and `dotnet maplint` then answers "Run dotnet tool restore".
        var environment = new Dictionary<string, string>
        {
            ["PRE_COMMIT_HOME"] = Path.Combine(temp, "pre-commit-home"),
            ["NUGET_PACKAGES"] = Path.Combine(temp, "nuget-packages"),
            ["DOTNET_CLI_HOME"] = Path.Combine(temp, "dotnet-home"),
            ["DOTNET_NOLOGO"] = "1",
        };
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "config", "user.email", "ci@example.invalid");
        Git(repo, "config", "user.name", "CI");
        Assert.Equal(0, CliRunner.RunProcess("dotnet", ["new", "tool-manifest"], repo, environment).ExitCode);
        var (installed, installOutput) = CliRunner.RunProcess("dotnet", ["tool", "install", "maplint", "--add-source", feed, "--configfile", OfflineNuGetConfig()], repo, environment);
        Assert.True(installed == 0, installOutput);
        Directory.CreateDirectory(Path.Combine(repo, "maps"));
        Directory.CreateDirectory(Path.Combine(repo, "metadata"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV2106")))
        {
            File.Copy(file, Path.Combine(repo, Path.GetFileName(file).StartsWith("metadata-", StringComparison.Ordinal) ? "metadata" : "maps", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"), ReadmePreCommitSnippet());
        var (hooked, hookOutput) = CliRunner.RunProcess("pre-commit", ["install"], repo, environment);
        Assert.True(hooked == 0, hookOutput);
        Git(repo, "add", "-A");
        var (first, firstOutput) = CliRunner.RunProcess("git", ["commit", "-m", "maps"], repo, environment, timeoutSeconds: 900);
        Assert.True(first == 0, firstOutput);

        // Only the metadata changes, and the unchanged map breaks: the snippet's hook refuses the commit.
        string metadata = Path.Combine(repo, "metadata", "metadata-dataverse.json");
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("\"name\": { \"type\": \"string\", \"maxLength\": 100, \"required\": true },", string.Empty, StringComparison.Ordinal));
        Git(repo, "add", "-A");
        var (refused, refusedOutput) = CliRunner.RunProcess("git", ["commit", "-m", "metadata only"], repo, environment, timeoutSeconds: 900);
        Assert.True(refused != 0, refusedOutput);
        Assert.Contains("maps/map.json(", refusedOutput, StringComparison.Ordinal);
        Assert.Contains("error DIPV1025", refusedOutput, StringComparison.Ordinal);

        // The plain hook, installed by the local tool, finds it the same way.
        var (plain, plainOutput) = CliRunner.RunProcess("dotnet", ["maplint", "hook", "install", "--force"], repo, environment);
        Assert.True(plain == 0, plainOutput);
        var (refusedAgain, againOutput) = CliRunner.RunProcess("git", ["commit", "-m", "metadata only"], repo, environment, timeoutSeconds: 900);
        Assert.True(refusedAgain != 0, againOutput);
        Assert.Contains("error DIPV1025", againOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", againOutput, StringComparison.Ordinal);
    }

    private static void Git(string repo, params string[] args)
    {
        var (exit, output) = CliRunner.RunProcess("git", args, repo);
        Assert.True(exit == 0, output);
    }
}
