using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// The defects the fuzz and attack suite found (issue 16), each reproduced through the real CLI on real files as
/// it was found, and failing before its fix: AL files cut short threw, .editorconfig sections hung the run, the
/// summary cache read and wrote through links a repository commits, and writes followed a linked folder out of
/// the repository.
/// </summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-fuzz-found-").FullName;
    private readonly string repo;

    public FuzzFindingsTests()
    {
        repo = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
        Assert.Equal(0, CliRunner.RunProcess("git", ["init", "-q", "."], repo).ExitCode);
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004")))
        {
            File.Copy(file, Path.Combine(repo, Path.GetFileName(file)));
        }
    }

    public void Dispose() => CliRunner.RunProcess("rm", ["-rf", temp], "/");

    private (int Exit, string Stdout, string Stderr) Maplint(params string[] args)
    {
        var result = CliRunner.RunIn(repo, args);
        HostileRepositoryTests.AssertNoCrash(result.Stdout + result.Stderr);
        return result;
    }

    private const string Dipv1004 = @"^map\.json\(7,69\): error DIPV1004: ";

    // The byte fuzzer's truncations of examples/business-central/src/CDSLabBook.Table.al, cut down: an editor's
    // state half-way through typing a table or a procedure. Before: ArgumentOutOfRangeException, exit 134.
    [Theory]
    [InlineData("table 50100 \"CDS Lab Book\" { fields {", @"^src/t\.al\(1,28\): error DIPV2500: ")]
    [InlineData("table 50100 \"CDS Lab Book\" { fields { field(1; Name; Text[50]) {", @"^src/t\.al\(1,28\): error DIPV2500: ")]
    [InlineData("codeunit 50101 \"Lab Sync\" { procedure Map(", @"^src/t\.al\(1,\d+\): error DIPV2500: ")]
    public void AnAlFileCutShortIsASyntaxErrorNotACrash(string text, string expected)
    {
        Directory.CreateDirectory(Path.Combine(repo, "src"));
        File.WriteAllText(Path.Combine(repo, "src", "t.al"), text);
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(expected, RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(Dipv1004, RegexOptions.Multiline), stdout);
    }

    // Alternatives of stars in a section name made the backtracking regular expression engine take exponential
    // time on every file the section does not match: 25 of them did not finish in a minute. A committed
    // .editorconfig could stop every gate.
    [Fact]
    public void AnEditorConfigSectionOfNestedAlternativesDoesNotHang()
    {
        File.WriteAllText(Path.Combine(repo, ".editorconfig"), "root = true\n\n[" + string.Concat(Enumerable.Repeat("{*,**}", 25)) + "x]\ndotnet_diagnostic.DIPV1004.severity = none\n\n[*.json]\ndotnet_diagnostic.DIPV1004.severity = warning\n");
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "never");
        Assert.Equal(0, exit);
        Assert.Matches(new Regex(@"^map\.json\(7,69\): warning DIPV1004: ", RegexOptions.Multiline), stdout);
    }

    // A 300,000-character section name took 27 s to turn into a pattern; past the specification's minimum
    // (4,096) a name matches nothing, as an unbalanced brace does.
    [Fact]
    public void AnEditorConfigSectionLongerThanTheLimitMatchesNothing()
    {
        File.WriteAllText(Path.Combine(repo, ".editorconfig"), "root = true\n\n[" + new string('*', 5000) + ".json]\ndotnet_diagnostic.DIPV1004.severity = none\n");
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(Dipv1004, RegexOptions.Multiline), stdout);
    }

    // A 300,000-letter name in a connection set (the fuzzer's huge token): the credential patterns rescanned the
    // run of letters from every position, and the check ran for many minutes. They now run without backtracking.
    [Fact]
    public void AHugeNameIsScannedForCredentialsInLinearTime()
    {
        string set = File.ReadAllText(Path.Combine(repo, "connection-set.json"));
        int at = set.IndexOf("\"name\": \"", StringComparison.Ordinal) + 9;
        File.WriteAllText(Path.Combine(repo, "connection-set.json"), set[..at] + new string('a', 300_000) + set[at..]);
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(Dipv1004, RegexOptions.Multiline), stdout);
    }

    // A committed '.maplint' linking out of the repository: the cache and its .gitignore were written there.
    [SkippableFact]
    public void TheCacheIsNotWrittenThroughALinkOutOfTheRepository()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        string outside = Directory.CreateDirectory(Path.Combine(temp, "outside")).FullName;
        File.CreateSymbolicLink(Path.Combine(repo, ".maplint"), outside);
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(Dipv1004, RegexOptions.Multiline), stdout);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }

    // The cache file committed as a link to /dev/zero: read for half a minute, then an unhandled exception.
    // A dangling link as the cache's .gitignore: written through, creating its target wherever it pointed.
    [SkippableFact]
    public void ACacheFileLinkedToADeviceIsIgnoredAndADanglingLinkIsNotWrittenThrough()
    {
        Skip.If(OperatingSystem.IsWindows(), "devices and symbolic links are POSIX things here");
        string cache = Directory.CreateDirectory(Path.Combine(repo, ".maplint", "cache")).FullName;
        File.CreateSymbolicLink(Path.Combine(cache, "index.bin"), "/dev/zero");
        string planted = Path.Combine(temp, "planted-by-link");
        File.CreateSymbolicLink(Path.Combine(repo, ".maplint", ".gitignore"), planted);
        var uncached = Maplint("check", ".", "--no-cache");
        var cached = Maplint("check", ".");
        Assert.Equal(1, cached.Exit);
        Assert.Equal(uncached.Stdout, cached.Stdout);
        Assert.False(File.Exists(planted), "the .gitignore link was written through");
        Assert.Equal("/dev/zero", new FileInfo(Path.Combine(cache, "index.bin")).LinkTarget);
    }

    // --output into a folder that is a committed link out of the repository: the report was written there.
    [SkippableFact]
    public void OutputThroughALinkedFolderOutOfTheRepositoryIsRefused()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        string outside = Directory.CreateDirectory(Path.Combine(temp, "elsewhere")).FullName;
        File.CreateSymbolicLink(Path.Combine(repo, "reports"), outside);
        var (exit, stdout, stderr) = Maplint("check", ".", "--output", "reports/new/maplint.txt");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(new Regex("^maplint: cannot write '[^'\n]*reports/new/maplint.txt': its folder leads through a symbolic link to '[^'\n]*elsewhere', outside '[^'\n]*repo'\\.\n$"), stderr);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
    }
    // The byte fuzzer spliced the first line of an AL file (a comment holding a URL with a password and a
    // secret-named property) into a map, inside a string: --show-source printed the property's secret, since the
    // line's quotes no longer paired up and the secret was read as a name. Names are now looked at wherever they stand.
    [Fact]
    public void ASourceLineWhoseQuotesDoNotPairUpStillMasksTheSecret()
    {
        var lines = File.ReadAllLines(Path.Combine(repo, "map.json")).ToList();
        lines[7] = "    {\"source\": \"PRICE //https://svc:FuzzUrlPw7731@contoso.crm.dynamics.com/?sig=FuzzSigValue7732 \"clientSecret\": \"FuzzPropSecret7733\" Bearer FuzzBearer7734abcdefgh";
        File.WriteAllText(Path.Combine(repo, "map.json"), string.Join("\n", lines) + "\n");
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "always");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(@"^map\.json\(8,\d+\): error DIPV2000: ", RegexOptions.Multiline), stdout);
        Assert.Contains("\"clientSecret\": \"***\"", stdout, StringComparison.Ordinal);
        foreach (var secret in new[] { "FuzzUrlPw7731", "FuzzSigValue7732", "FuzzPropSecret7733", "FuzzBearer7734" })
        {
            Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal);
        }
    }

    // A minified line (over 800 bytes) is shown as a window around the finding; a window that starts inside a
    // secret's value, past its name, showed the rest of the value. Credentials are now found beyond the window's edges.
    [Fact]
    public void AWindowStartingInsideASecretShowsItMasked()
    {
        File.WriteAllText(Path.Combine(repo, "minified.json"), "{\"kind\": \"tableMap\", \"name\": \"" + new string('x', 900) + "\", \"clientSecret\": \"" + string.Concat(Enumerable.Repeat("FuzzPropSecret7733", 6)) + "\", tru}\n");
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "always");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(@"^minified\.json\(1,\d+\): error DIPV2000: ", RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(@"^  1 \| …\*\*\*"", tru}$", RegexOptions.Multiline), stdout);
        Assert.DoesNotContain("PropSecret7733", stdout, StringComparison.Ordinal);
    }

    // The byte fuzzer duplicated a run of maplint.json that held "Bearer <token>" onto the end of a word
    // ("wBearer <token>"): the bearer pattern wanted a word boundary before "Bearer", and --show-source printed the
    // token. Redaction now masks a token after the word wherever it ends.
    [Fact]
    public void ABearerTokenGluedToAWordIsMasked()
    {
        File.WriteAllText(Path.Combine(repo, "maplint.json"), "{ \"rules\": { \"DIPV1004\": \"warnin\" }, \"$schema\": \"wBearer FuzzBearer7734abcdefgh\" }\n");
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "always");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(@"^maplint\.json\(1,\d+\): error DIPV\d{4}: ", RegexOptions.Multiline), stdout);
        Assert.Contains("wBearer ***", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FuzzBearer7734", stdout, StringComparison.Ordinal);
    }

    // A 300,000-letter lookup column (the fuzzer's huge token in a map's destination): naming the lookup's table by
    // convention looked up every suffix of the column, each a new string, and the check ran for minutes. Suffixes
    // are now looked up at the lengths of the tables' names only.
    [Fact]
    public void AHugeLookupColumnIsResolvedInLinearTime()
    {
        string map = File.ReadAllText(Path.Combine(repo, "map.json"));
        map = map.Replace("\"msdyn_customergroupid.msdyn_groupid\"", "\"msdyn_" + new string('x', 300_000) + "id.msdyn_groupid\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(repo, "map.json"), map);
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(Dipv1004, RegexOptions.Multiline), stdout);
    }

    // The byte fuzzer's injection into a solution's map name (long mode, case 21532): the text format's context line
    // under a service record's finding ("in map '…'") printed the name raw, so an Azure DevOps logging command in a
    // map's name reached the build log. It is now made safe like the finding's own line.
    [Fact]
    public void AServiceRecordsMapNameCannotForgeALoggingCommand()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "service", "webapi")))
        {
            string text = File.ReadAllText(file).Replace("Vendors V2 (msdyn_vendors)", "##vso[task.setvariable variable=evil]1", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(repo, Path.GetFileName(file)), text);
        }

        var (_, stdout, _) = Maplint("check", ".", "--show-source", "never");
        Assert.Contains("  in map '# #vso[task.setvariable variable=evil]1', field mapping ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("##vso[", stdout, StringComparison.Ordinal);
    }

    // The byte fuzzer's AL file with a map's text spliced in (long mode, case 40762): DIPV2500's message quotes the
    // text it found outside any object, and message redaction masked only the credential patterns (URLs, bearer
    // tokens), not the value of a property named like a secret, which source lines already masked. One redaction
    // now serves both.
    [Fact]
    public void AMessageQuotingTheFileMasksSecretNamedValues()
    {
        Directory.CreateDirectory(Path.Combine(repo, "src"));
        File.WriteAllText(Path.Combine(repo, "src", "t.al"), "'see \"clientSecret\": \"FuzzPropSecret7733\" here' table 50100 \"Lab\" { }\n");
        var (exit, stdout, _) = Maplint("check", ".", "--show-source", "always");
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(@"^src/t\.al\(1,1\): error DIPV2500: ", RegexOptions.Multiline), stdout);
        Assert.Contains("\"clientSecret\": \"***\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FuzzPropSecret7733", stdout, StringComparison.Ordinal);
    }

    // The byte fuzzer's maplint.json with a value duplicated after its key (long mode, case 83450):
    // '"clientSecret": "x": "secret"' masked the first value only; a masked value followed by ': value' now masks
    // that value too.
    [Fact]
    public void AValueDuplicatedAfterASecretsValueIsMasked()
    {
        File.WriteAllText(Path.Combine(repo, "maplint.json"), "{ \"clientSecret\": \"x\": \"FuzzPropSecret7733\", \"rules\": { } }\n");
        var (_, stdout, _) = Maplint("check", ".", "--show-source", "always");
        Assert.Matches(new Regex(@"^maplint\.json\(1,\d+\): error DIPV\d{4}: ", RegexOptions.Multiline), stdout);
        Assert.DoesNotContain("FuzzPropSecret7733", stdout, StringComparison.Ordinal);
    }
}
