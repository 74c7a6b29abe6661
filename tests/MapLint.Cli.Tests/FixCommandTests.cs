using System.Text;

namespace MapLint.Cli.Tests;

/// <summary>`maplint fix` and `check --stdin-filename` through the real CLI process on copies of the broken examples.</summary>
public class FixCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-fix-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    private string Copy(string id)
    {
        string folder = Path.Combine(temp, id);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", id)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    public static TheoryData<string> GoldenCases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(CliRunner.Root, "tests", "MapLint.Core.Tests", "Fixes", "Cases")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    /// <summary>
    /// The fix goldens (tests/MapLint.Core.Tests/Fixes/Cases: input/ as a user wrote it, expected/ what a fix must
    /// write) through the real `maplint fix` on a copy of input/: every file comes out as expected/ holds it, or
    /// unchanged, byte for byte; then nothing is left to fix (a second run writes nothing and says so).
    /// </summary>
    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Fix_OfEachGoldenCase_WritesTheExpectedFiles_AndLeavesNothingToFix(string name)
    {
        string cases = Path.Combine(CliRunner.Root, "tests", "MapLint.Core.Tests", "Fixes", "Cases", name);
        string folder = Path.Combine(temp, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(cases, "input")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        string[] flags = File.Exists(Path.Combine(cases, "unsafe")) ? ["--unsafe"] : [];
        var (exit, stdout, stderr) = CliRunner.RunIn(folder, ["fix", .. flags, "."]);
        Assert.True(exit == 0, stderr);
        Assert.Contains("fixed ", stdout, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(folder))
        {
            string expected = Path.Combine(cases, "expected", Path.GetFileName(file));
            Assert.Equal(File.ReadAllBytes(File.Exists(expected) ? expected : Path.Combine(cases, "input", Path.GetFileName(file))), File.ReadAllBytes(file));
        }

        var again = CliRunner.RunIn(folder, ["fix", .. flags, "."]);
        Assert.Equal((0, string.Empty, "maplint: nothing to fix\n"), again);
    }

    [Fact]
    public void Fix_WritesTheSafeFix_ThenHasNothingLeft()
    {
        string folder = Copy("DIPV1004");
        string map = Path.Combine(folder, "map.json");
        string before = File.ReadAllText(map);

        var (exit, stdout, stderr) = CliRunner.RunIn(temp, "fix", "DIPV1004");
        Assert.True(exit == 0, stderr);
        Assert.Equal("fixed DIPV1004/map.json: DIPV1004\n", stdout.Replace('\\', '/'));
        Assert.Equal("maplint: fixed 1 finding in 1 file\n", stderr);
        Assert.Equal(before.Replace("\"direction\": \">\", \"destination\": \"accountnumber\"", "\"direction\": \"=\", \"destination\": \"accountnumber\"", StringComparison.Ordinal), File.ReadAllText(map));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));

        var (checkExit, checkOut, _) = CliRunner.RunIn(temp, "check", "DIPV1004", "--show-source", "never");
        Assert.DoesNotContain("DIPV1004:", checkOut, StringComparison.Ordinal);
        Assert.Equal(0, checkExit);

        var again = CliRunner.RunIn(temp, "fix", "DIPV1004");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("maplint: nothing to fix\n", again.Stderr);
        Assert.Equal(string.Empty, again.Stdout);
    }

    [Fact]
    public void DryRun_PrintsAUnifiedDiff_AndChangesNothing()
    {
        string folder = Copy("DIPV2101");
        string map = Path.Combine(folder, "map.json");
        var before = File.ReadAllBytes(map);

        var (exit, stdout, stderr) = CliRunner.RunIn(temp, "fix", "DIPV2101", "--dry-run");
        Assert.Equal(1, exit);
        Assert.Equal(before, File.ReadAllBytes(map));
        string diff = stdout.Replace('\\', '/');
        Assert.StartsWith("--- a/DIPV2101/map.json\n+++ b/DIPV2101/map.json\n@@ -1,7 +1,7 @@\n", diff, StringComparison.Ordinal);
        Assert.Contains("\n-  \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"CustomersV3\", \"filter\": \"(PARTYTYPE = PartyType::Person)\" },\n", diff, StringComparison.Ordinal);
        Assert.Contains("\n+  \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"CustomersV3\", \"filter\": \"(PARTYTYPE == PartyType::Person)\" },\n", diff, StringComparison.Ordinal);
        Assert.Contains("would fix 1 finding in 1 file", stderr, StringComparison.Ordinal);

        // The diff applies with git as it is printed.
        var (gitExit, gitOutput) = CliRunner.RunProcess("git", ["apply", "--unsafe-paths", "-p1", "-"], temp);
        Assert.NotEqual(-1, gitExit); // git is present (the hook tests need it too)
        File.WriteAllText(Path.Combine(temp, "fix.diff"), stdout);
        var (applyExit, applyOutput) = CliRunner.RunProcess("git", ["apply", "fix.diff"], temp);
        Assert.True(applyExit == 0, applyOutput + gitOutput);
        Assert.Contains("(PARTYTYPE == PartyType::Person)", File.ReadAllText(map), StringComparison.Ordinal);
    }

    [Fact]
    public void UnsafeFixes_NeedUnsafe()
    {
        string folder = Copy("DIPV1025");
        string map = Path.Combine(folder, "map.json");
        var before = File.ReadAllBytes(map);

        var (exit, _, stderr) = CliRunner.RunIn(temp, "fix", "DIPV1025");
        Assert.Equal(0, exit);
        Assert.Equal("maplint: nothing to fix; 1 more with --unsafe\n", stderr);
        Assert.Equal(before, File.ReadAllBytes(map));

        var (unsafeExit, stdout, _) = CliRunner.RunIn(temp, "fix", "DIPV1025", "--unsafe");
        Assert.Equal(0, unsafeExit);
        Assert.Contains("fixed DIPV1025/map.json: DIPV1025", stdout.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("\"destination\": \"nickname\"", File.ReadAllText(map), StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_OfOneFile_LeavesTheRestOfItsWorkspaceAlone()
    {
        string folder = Copy("DIPV1004");
        File.WriteAllText(Path.Combine(folder, "maplint.json"), "{}");
        string other = Path.Combine(folder, "other.json");
        File.WriteAllText(other, File.ReadAllText(Path.Combine(folder, "map.json")).Replace("\"Customers\"", "\"Customers again\"", StringComparison.Ordinal));
        var otherBefore = File.ReadAllBytes(other);

        var (exit, stdout, _) = CliRunner.RunIn(folder, "fix", "map.json");
        Assert.Equal(0, exit);
        Assert.Equal("fixed map.json: DIPV1004\n", stdout);
        Assert.Equal(otherBefore, File.ReadAllBytes(other));
    }

    [Fact]
    public void CheckStdinFilename_ReportsTheGivenText_AtTheFilesPath()
    {
        string folder = Copy("DIPV1004");
        File.WriteAllText(Path.Combine(folder, "maplint.json"), "{}"); // the folder is the file's workspace
        string map = Path.Combine(folder, "map.json");
        var fromFile = CliRunner.RunIn(folder, "check", "map.json", "--show-source", "never");
        var fromStdin = CliRunner.RunWithInput(folder, File.ReadAllBytes(map), "check", "--stdin-filename", "map.json", "--show-source", "never");
        Assert.Equal(fromFile, fromStdin);
        Assert.Contains("map.json(7,69): error DIPV1004:", fromStdin.Stdout, StringComparison.Ordinal);

        // An unsaved buffer: the fixed text on stdin, the broken one on disk.
        string fixedText = File.ReadAllText(map).Replace("\"direction\": \">\"", "\"direction\": \"=\"", StringComparison.Ordinal);
        var (exit, stdout, _) = CliRunner.RunWithInput(folder, Encoding.UTF8.GetBytes(fixedText), "check", "--stdin-filename", "map.json", "--show-source", "never");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("DIPV1004:", stdout, StringComparison.Ordinal);
    }
}
