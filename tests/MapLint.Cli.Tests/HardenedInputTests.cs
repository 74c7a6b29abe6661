using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// Hostile input through the real CLI: every case ends with a diagnostic at a position (or a clear message) and an
/// exit code, never a stack trace or a hang.
/// </summary>
public class HardenedInputTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-hostile-").FullName;

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(temp, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(temp, true);
    }

    private const string Map = """
        { "kind": "tableMap", "name": "Customers",
          "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
          "destination": { "app": "dataverse", "entity": "account" },
          "mappings": [ { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" } ] }
        """;

    private (int Exit, string Stdout, string Stderr) Check(string name, byte[] content, params string[] extra)
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, Path.GetFileNameWithoutExtension(name))).FullName;
        File.WriteAllBytes(Path.Combine(folder, name), content);
        var result = CliRunner.RunIn(folder, ["check", name, "--show-source", "never", .. extra]);
        AssertNoCrash(result.Stdout + result.Stderr);
        return result;
    }

    private static void AssertNoCrash(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"^\s+at \S+\(", RegexOptions.Multiline), output);
    }

    public static TheoryData<string, string, string> TextCases() => new()
    {
        { "empty", string.Empty, @"^empty\.json\(1,1\): error DIPV2000: The file is empty" },
        { "whitespace", "  \n\t\n  ", @"^whitespace\.json\(1,1\): error DIPV2000: The file is empty" },
        { "truncated", "{ \"kind\": \"tableMap\", \"name\": ", @"^truncated\.json\(1,31\): error DIPV2000: The JSON ends too early" },
        { "nan", "{ \"kind\": \"tableMap\", \"name\": NaN }", @"^nan\.json\(1,31\): error DIPV2000: JSON syntax error" },
        { "infinity", "{ \"kind\": \"tableMap\", \"name\": -Infinity }", @"^infinity\.json\(1,32\): error DIPV2000" },
        { "duplicate", "{ \"kind\": \"tableMap\", \"kind\": \"tableMap\" }", @"duplicate\.json\(1,23\): error DIPV2002: Property 'kind' appears more than once" },
        { "deep", new string('[', 100_000) + new string(']', 100_000), @"^deep\.json\(1,129\): error DIPV2000: The document nests deeper than 128 levels" },
        { "wrongtypes", "{ \"kind\": \"tableMap\", \"name\": 5, \"source\": [], \"destination\": {}, \"mappings\": {} }", @"wrongtypes\.json\(1,31\): error DIPV2001: 'name' must be a string, not a number\." },
    };

    [Theory]
    [MemberData(nameof(TextCases))]
    public void BrokenTextGetsAPositionedDiagnostic(string name, string content, string expected)
    {
        var (exit, stdout, _) = Check(name + ".json", Encoding.UTF8.GetBytes(content));
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(expected, RegexOptions.Multiline), stdout);
    }

    [Fact]
    public void ByteOrderMarksAreRead()
    {
        var utf8 = Check("bom8.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Map.Replace("\"accountnumber\"", "\"accountnumber\", \"colour\": 1"))]);
        Assert.Matches(new Regex(@"^bom8\.json\(4,98\): error DIPV2001: Property 'colour' is not allowed", RegexOptions.Multiline), utf8.Stdout);
        var utf16 = Check("bom16.json", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Map.Replace("\"accountnumber\"", "\"accountnumber\", \"colour\": 1"))]);
        Assert.Matches(new Regex(@"^bom16\.json\(4,98\): error DIPV2001", RegexOptions.Multiline), utf16.Stdout);
    }

    [Fact]
    public void BinaryAndInvalidUtf8AreReported()
    {
        Assert.Matches(new Regex(@"^utf8\.json\(1,32\): error DIPV2006: The file is not valid UTF-8", RegexOptions.Multiline), Check("utf8.json", [.. Encoding.UTF8.GetBytes("{ \"kind\": \"tableMap\", \"name\": \""), 0xC3, 0x28, (byte)'"', (byte)'}']).Stdout);
        Assert.Matches(new Regex(@"^binary\.json\(1,1\): error DIPV2006", RegexOptions.Multiline), Check("binary.json", Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()).Stdout);
        Assert.Matches(new Regex(@"^nobom16\.json\(1,2\): error DIPV2006: The file contains NUL bytes", RegexOptions.Multiline), Check("nobom16.json", Encoding.Unicode.GetBytes(Map)).Stdout);
    }

    [Fact]
    public void TwoHundredMegabyteFileHitsTheSizeLimitWithoutBeingRead()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "big")).FullName;
        using (var stream = File.Create(Path.Combine(folder, "big.json")))
        {
            stream.SetLength(200L * 1024 * 1024); // sparse: no 200 MB written
        }

        var (exit, stdout, stderr) = CliRunner.RunIn(folder, "check", "big.json", "--show-source", "never");
        AssertNoCrash(stdout + stderr);
        Assert.Equal(1, exit);
        Assert.StartsWith("big.json(1,1): error DIPV2005: The file is 200 MB, over MapLint's limit of 64 MB per document", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MillionElementArrayIsReadAndReportedOnce()
    {
        var content = new StringBuilder(Map.Replace("\"name\": \"Customers\",", "\"name\": \"Customers\", \"description\": [", StringComparison.Ordinal));
        content.Insert(content.ToString().IndexOf('[', StringComparison.Ordinal) + 1, string.Join(",", Enumerable.Repeat("0", 1_000_000)) + "],");
        var (exit, stdout, _) = Check("million.json", Encoding.UTF8.GetBytes(content.ToString()));
        Assert.Equal(1, exit);
        Assert.Single(Regex.Matches(stdout, "DIPV2001"));
        Assert.Contains("'description' must be a string, not an array.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NonObjectRootIsNotAMapLintDocument()
    {
        var (exit, _, stderr) = Check("array.json", Encoding.UTF8.GetBytes("[1, 2, 3]"));
        Assert.Equal(2, exit);
        Assert.StartsWith("maplint: nothing to check: no MapLint documents", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SymbolicLinkLoopIsNotFollowed()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "loop")).FullName;
        File.WriteAllText(Path.Combine(folder, "map.json"), Map);
        Directory.CreateSymbolicLink(Path.Combine(folder, "again"), folder);
        var (exit, stdout, stderr) = CliRunner.RunIn(temp, "check", "loop", "--show-source", "never");
        AssertNoCrash(stdout + stderr);
        Assert.Equal(0, exit);
        Assert.EndsWith("in 1 file\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderGivenWhereAFileIsExpected()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "maps.json")).FullName;
        File.WriteAllText(Path.Combine(folder, "map.json"), Map);
        var (exit, stdout, stderr) = CliRunner.RunIn(temp, "check", "maps.json", "--show-source", "never");
        AssertNoCrash(stdout + stderr);
        Assert.Equal(0, exit); // a folder named like a file is still a folder: its documents are checked
        var (configExit, _, configError) = CliRunner.RunIn(temp, "check", "maps.json", "--config", "maps.json");
        Assert.Equal(2, configExit);
        Assert.StartsWith("maplint: configuration file not found", configError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void UnreadableFileIsReported()
    {
        Skip.If(OperatingSystem.IsWindows(), "file permissions are set with chmod semantics here");
        var (_, uid) = CliRunner.RunProcess("id", ["-u"], temp);
        Skip.If(uid.Trim() == "0", "running as root, which reads files whatever their permissions; the unreadable case cannot be made here (DIPV2004 is covered for a deleted file in the core tests)");
        string folder = Directory.CreateDirectory(Path.Combine(temp, "locked")).FullName;
        string file = Path.Combine(folder, "map.json");
        File.WriteAllText(file, Map);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.None);
        }
        var (exit, stdout, stderr) = CliRunner.RunIn(folder, "check", "map.json", "--show-source", "never");
        AssertNoCrash(stdout + stderr);
        Assert.Equal(1, exit);
        Assert.StartsWith("map.json(1,1): error DIPV2004: The file cannot be read", stdout, StringComparison.Ordinal);
    }
}
