using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// A repository MapLint does not control, and a careless user, through the real CLI: writes that would destroy
/// (devices, FIFOs, inputs, read-only files, links out of the repository), reads that would leave the repository
/// or hang (links to files outside, FIFOs, /dev/zero, link loops), configuration from above the git root and bad
/// globs. Each case was reproduced against the CLI before SafeFileWriter/SafeFileReader (issue 16).
/// </summary>
public sealed class HostileRepositoryTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-repo-").FullName;
    private readonly string repo;

    public HostileRepositoryTests()
    {
        // The workspace is a real git repository holding a map with a DIPV1004 (the broken example).
        repo = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
        Git("init", "-q", ".");
        Directory.CreateDirectory(Path.Combine(repo, "maps"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004")))
        {
            File.Copy(file, Path.Combine(repo, "maps", Path.GetFileName(file)));
        }
    }

    private string MapPath => Path.Combine(repo, "maps", "map.json");

    public void Dispose()
    {
        // Links (self-links to folders included) are not followed: the walk would never end.
        foreach (var file in Directory.EnumerateFiles(temp, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            try
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            catch (IOException)
            {
                // a dangling link or a FIFO: deleting it below is enough
            }
        }

        // A name that is not UTF-8 cannot be deleted through .NET (it gets U+FFFD): rm takes bytes.
        if (OperatingSystem.IsWindows())
        {
            Directory.Delete(temp, true);
        }
        else
        {
            CliRunner.RunProcess("rm", ["-rf", temp], "/");
        }
    }

    private void Git(params string[] args) => Assert.Equal(0, CliRunner.RunProcess("git", args, repo).ExitCode);

    private (int Exit, string Stdout, string Stderr) Maplint(params string[] args)
    {
        var result = CliRunner.RunIn(repo, args);
        AssertNoCrash(result.Stdout + result.Stderr);
        return result;
    }

    internal static void AssertNoCrash(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"^\s+at \S+\(", RegexOptions.Multiline), output);
    }

    /// <summary>Exit 2 with one line on standard error naming the target, and nothing on standard output.</summary>
    private static void AssertRefused((int Exit, string Stdout, string Stderr) result, string why)
    {
        Assert.Equal(2, result.Exit);
        Assert.Matches(new Regex("^maplint: cannot write '[^\n]*': [^\n]*" + why + "[^\n]*\n$"), result.Stderr);
    }

    private static void Mkfifo(string path) => Assert.Equal(0, CliRunner.RunProcess("mkfifo", [path], Path.GetDirectoryName(path)!).ExitCode);

    private static bool IsFifo(string path) => CliRunner.RunProcess("test", ["-p", path], "/").ExitCode == 0;

    private static bool IsCharacterDevice(string path) => CliRunner.RunProcess("test", ["-c", path], "/").ExitCode == 0;

    [SkippableFact]
    public void OutputOntoAFifoIsRefusedAndTheFifoStays()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a POSIX thing");
        string fifo = Path.Combine(repo, "report.txt");
        Mkfifo(fifo);
        AssertRefused(Maplint("check", "maps", "--output", "report.txt"), "FIFO");
        Assert.True(IsFifo(fifo));
    }

    [SkippableFact]
    public void OutputOntoACharacterDeviceIsRefusedAndTheDeviceStays()
    {
        Skip.If(OperatingSystem.IsWindows(), "devices are a POSIX thing");

        // /dev/null itself (before the safe writer, as root, it became a regular file) ...
        AssertRefused(Maplint("check", "maps", "--output", "/dev/null"), "character device");
        Assert.True(IsCharacterDevice("/dev/null"));

        // ... and a device node inside the repository, where making one is allowed (root in CI).
        string device = Path.Combine(repo, "null-device");
        Skip.If(CliRunner.RunProcess("mknod", [device, "c", "1", "3"], repo).ExitCode != 0, "mknod needs root; /dev/null was checked above");
        AssertRefused(Maplint("check", "maps", "--output", "null-device"), "character device");
        Assert.True(IsCharacterDevice(device));
    }

    [Fact]
    public void OutputOrBaselineOntoACheckedMapIsRefusedAndTheMapStays()
    {
        string before = File.ReadAllText(MapPath);
        AssertRefused(Maplint("check", "maps", "--output", "maps/map.json"), "one of the files this command reads");
        AssertRefused(Maplint("check", "maps", "--baseline", "maps/map.json", "--update-baseline"), "one of the files this command reads");
        File.WriteAllText(Path.Combine(repo, "base.json"), "{ \"version\": 1, \"entries\": [] }\n");
        AssertRefused(Maplint("check", "maps", "--baseline", "base.json", "--output", "base.json"), "one of the files this command reads");
        Assert.Equal(before, File.ReadAllText(MapPath));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AReadOnlyTargetIsRefusedAndAWritableOneKeepsItsMode()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix modes");
        string readOnly = Path.Combine(repo, "read-only.txt");
        File.WriteAllText(readOnly, "keep me\n");
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        AssertRefused(Maplint("check", "maps", "--output", "read-only.txt"), "read-only");
        Assert.Equal("keep me\n", File.ReadAllText(readOnly));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(readOnly));

        string shared = Path.Combine(repo, "shared.txt");
        File.WriteAllText(shared, "old\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(shared, mode);
        var (exit, _, _) = Maplint("check", "maps", "--output", "shared.txt");
        Assert.Equal(1, exit);
        Assert.Contains("error DIPV1004", File.ReadAllText(shared), StringComparison.Ordinal);
        Assert.Equal(mode, File.GetUnixFileMode(shared));
    }

    [SkippableFact]
    public void AnUnwritablePlaceIsExitTwoWithOneLine()
    {
        Skip.If(!OperatingSystem.IsLinux(), "/proc is Linux's");
        AssertRefused(Maplint("check", "maps", "--output", "/proc/maplint-report.txt"), "system folder");
        AssertRefused(Maplint("check", "maps", "--output", "/proc/no-such-folder/report.txt"), "system folder");

        // A folder that cannot be created, whoever runs the tests: its parent is a regular file.
        File.WriteAllText(Path.Combine(repo, "plain"), "x");
        AssertRefused(Maplint("check", "maps", "--output", "plain/report.txt"), "cannot be created");
    }

    [Fact]
    public void AFolderTargetIsRefused()
    {
        AssertRefused(Maplint("check", "maps", "--output", "maps"), "folder");
        AssertRefused(Maplint("check", "maps", "--output", "out/"), "folder");
        Assert.False(Directory.Exists(Path.Combine(repo, "out")));
    }

    [SkippableFact]
    public void ALinkOutOfTheRepositoryIsRefusedAndOneInsideIsFollowed()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges there");
        string outside = Path.Combine(temp, "outside.txt");
        File.CreateSymbolicLink(Path.Combine(repo, "report.txt"), outside);
        AssertRefused(Maplint("check", "maps", "--output", "report.txt"), "outside");
        Assert.False(File.Exists(outside));

        Directory.CreateDirectory(Path.Combine(repo, "reports"));
        File.WriteAllText(Path.Combine(repo, "reports", "latest.txt"), "old\n");
        File.CreateSymbolicLink(Path.Combine(repo, "latest.txt"), Path.Combine("reports", "latest.txt"));
        Assert.Equal(1, Maplint("check", "maps", "--output", "latest.txt").Exit);
        Assert.Contains("DIPV1004", File.ReadAllText(Path.Combine(repo, "reports", "latest.txt")), StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(Path.Combine(repo, "latest.txt")).LinkTarget);
    }

    [SkippableFact]
    public void EveryWritingCommandUsesTheSafeWriter()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs and links are POSIX things");

        // maplint hook install: a committed hook link pointing out of the repository is not followed.
        string outside = Path.Combine(temp, "evil-hook");
        File.CreateSymbolicLink(Path.Combine(repo, ".git", "hooks", "pre-commit"), outside);
        AssertRefused(Maplint("hook", "install", "--force"), "outside");
        Assert.False(File.Exists(outside));

        // maplint schemas DIR: a FIFO where a schema goes.
        string schemas = Directory.CreateDirectory(Path.Combine(repo, "schemas")).FullName;
        Mkfifo(Path.Combine(schemas, "tableMap.schema.json"));
        AssertRefused(Maplint("schemas", "schemas"), "FIFO");

        // maplint metadata import -o: the output folder holds the export being imported, under the output's name.
        string exports = Directory.CreateDirectory(Path.Combine(repo, "exports")).FullName;
        File.Copy(Path.Combine(CliRunner.Root, "tests", "MapLint.Core.Tests", "Metadata", "Fixtures", "dataverse-entities.json"), Path.Combine(exports, "dataverse.json"));
        string before = File.ReadAllText(Path.Combine(exports, "dataverse.json"));
        AssertRefused(Maplint("metadata", "import", "--dataverse", "exports/dataverse.json", "-o", "exports"), "one of the files this command reads");
        Assert.Equal(before, File.ReadAllText(Path.Combine(exports, "dataverse.json")));
    }

    [SkippableFact]
    public void LinksFifosAndDevicesAreNotReadAndNothingHangs()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs and devices are POSIX things");
        const string Secret = "S3cr3t-outside-the-repo";
        string outside = Path.Combine(temp, "outside.json");
        File.WriteAllText(outside, "{ \"kind\": \"tableMap\", \"name\": tru, \"password\": \"" + Secret + "\" }\n");
        string maps = Path.Combine(repo, "maps");
        File.CreateSymbolicLink(Path.Combine(maps, "outside.json"), outside);
        File.CreateSymbolicLink(Path.Combine(maps, "zero.json"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(maps, "loop.json"), "loop.json");
        Mkfifo(Path.Combine(maps, "pipe.json"));

        foreach (var format in (string[])["text", "json", "sarif", "github"])
        {
            var (exit, stdout, stderr) = Maplint("check", "maps", "--format", format, "--show-source", "always");
            Assert.Equal(1, exit);
            Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
            if (format == "text")
            {
                Assert.Matches(new Regex(@"^maps/outside\.json\(1,1\): error DIPV2004: .*outside the workspace", RegexOptions.Multiline), stdout);
                Assert.Matches(new Regex(@"^maps/pipe\.json\(1,1\): error DIPV2004: .*FIFO", RegexOptions.Multiline), stdout);
                Assert.Matches(new Regex(@"^maps/zero\.json\(1,1\): error DIPV2004: .*character device", RegexOptions.Multiline), stdout);
                Assert.Matches(new Regex(@"^maps/loop\.json\(1,1\): error DIPV2004: .*loops", RegexOptions.Multiline), stdout);
            }
        }

        // Named on the command line, as pre-commit passes a staged link.
        var named = Maplint("check", "maps/outside.json", "maps/pipe.json", "--show-source", "always");
        Assert.Equal(1, named.Exit);
        Assert.DoesNotContain(Secret, named.Stdout + named.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationAboveTheGitRootIsIgnored()
    {
        // A maplint.json and .editorconfig in a parent of the repository (a shared temp or CI workspace folder)
        // would turn the map's error off.
        File.WriteAllText(Path.Combine(temp, "maplint.json"), "{ \"rules\": { \"DIPV1004\": \"none\" } }");
        File.WriteAllText(Path.Combine(temp, ".editorconfig"), "[*.json]\ndotnet_diagnostic.DIPV1004.severity = none\n");
        var (exit, stdout, _) = Maplint("check", "maps");
        Assert.Equal(1, exit);
        Assert.Contains("error DIPV1004", stdout, StringComparison.Ordinal);

        // Inside the repository they still apply.
        File.WriteAllText(Path.Combine(repo, "maplint.json"), "{ \"rules\": { \"DIPV1004\": \"warning\" } }");
        Assert.Contains("warning DIPV1004", Maplint("check", "maps").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataGlobsLeadingOutOfTheRepositoryAreNotRead()
    {
        const string Secret = "S3cr3t-beside-the-repo";
        string beside = Directory.CreateDirectory(Path.Combine(temp, "beside")).FullName;
        File.WriteAllText(Path.Combine(beside, "x.json"), "{ \"kind\": \"entityMetadata\", \"app\": nul, \"token\": \"" + Secret + "\" }");
        File.WriteAllText(Path.Combine(repo, "maplint.json"), "{ \"metadata\": [\"../beside/*.json\", \"../beside/x.json\"] }");
        var (exit, stdout, stderr) = Maplint("check", "maps", "--show-source", "always");
        Assert.Equal(1, exit);
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"beside/x\.json\(1,1\): error DIPV2004: .*outside the workspace", RegexOptions.Multiline), stdout);
    }

    [Fact]
    public void BadGlobsAreReportedNotThrown()
    {
        var cli = Maplint("check", "maps/*/../map.json");
        Assert.Equal(2, cli.Exit);
        Assert.Equal("maplint: bad glob 'maps/*/../map.json': '..' may only lead the pattern (write the folder it means instead)\n", cli.Stderr);

        // In maplint.json, a DIPV2001 at the glob's position; the other globs still apply.
        File.WriteAllText(Path.Combine(repo, "maplint.json"), "{\n  \"exclude\": [\"drafts/**\", \"maps/**/../x.json\"]\n}\n");
        var (exit, stdout, _) = Maplint("check", "maps", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(@"^maplint\.json\(2,28\): error DIPV2001: 'exclude' glob 'maps/\*\*/\.\./x\.json' cannot be used", RegexOptions.Multiline), stdout);
        Assert.Contains("error DIPV1004", stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void GlobsDoNotFollowFolderLinks()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges there");
        string maps = Path.Combine(repo, "maps");
        Directory.CreateSymbolicLink(Path.Combine(maps, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(maps, "again"), ".");
        var (exit, stdout, _) = Maplint("check", "maps/**/*.json", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("DIPV2008", stdout, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"in 5 files\n$"), stdout);
    }

    [SkippableFact]
    public void AFileNameThatIsNotUtf8IsReported()
    {
        Skip.If(!OperatingSystem.IsLinux(), "Linux file names are bytes; other systems refuse such names");
        string name = "b\\377d.json";
        Assert.Equal(0, CliRunner.RunProcess("sh", ["-c", $"cp maps/map.json \"maps/$(printf '{name}')\""], repo).ExitCode);
        var (exit, stdout, _) = Maplint("check", "maps", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex("^maps/b\uFFFDd\\.json\\(1,1\\): error DIPV2004: .*not valid UTF-8", RegexOptions.Multiline), stdout);
    }

    [Fact]
    public void BaselinesAcceptBomAndCommentsAndRefuseAFolder()
    {
        File.WriteAllBytes(Path.Combine(repo, "base.json"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("// accepted findings\n{ \"version\": 1, \"entries\": [ /* none yet */ ], }\n")]);
        var (exit, stdout, stderr) = Maplint("check", "maps", "--baseline", "base.json");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("DIPV1004", stdout, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(repo, "folder.json"));
        var folder = Maplint("check", "maps", "--baseline", "folder.json");
        Assert.Equal(2, folder.Exit);
        Assert.Matches(new Regex("^maplint: cannot read baseline '.*folder.json': it is a folder"), folder.Stderr);

        File.WriteAllText(Path.Combine(repo, "broken.json"), "{ \"entries\": [ tru, \"S3cr3t\" ] }");
        var broken = Maplint("check", "maps", "--baseline", "broken.json");
        Assert.Equal(2, broken.Exit);
        Assert.DoesNotContain("S3cr3t", broken.Stderr, StringComparison.Ordinal);
        Assert.Matches(new Regex("^maplint: cannot read baseline '.*broken.json': it is not valid JSON at line 1, column \\d+\n$"), broken.Stderr);
    }
}
