using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// Business Central AL through the real CLI: the example extension is clean and planned; AL broken the way a
/// user breaks it (open comments and texts, another encoding, binary, a huge file, deep nesting) gives a
/// positioned diagnostic and an exit code, never a stack trace; AL without mappings is skipped silently.
/// </summary>
public class BusinessCentralCliTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-al-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    private (int Exit, string Stdout, string Stderr) Check(string name, byte[] content)
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, Path.GetFileNameWithoutExtension(name).Replace('.', '-'))).FullName;
        File.WriteAllBytes(Path.Combine(folder, name), content);
        var result = CliRunner.RunIn(folder, ["check", ".", "--show-source", "never"]);
        Assert.DoesNotMatch(@"\bat MapLint\.|Unhandled exception|   at ", result.Stdout + result.Stderr);
        return result;
    }

    private static List<string> Findings(string stdout) =>
        [.. stdout.Split('\n').Where(l => Regex.IsMatch(l, @": (error|warning|info) DIPV\d{4}:"))];

    [Fact]
    public void ExampleExtensionIsClean()
    {
        var (exit, stdout, stderr) = CliRunner.Run("check", "examples/business-central", "--show-source", "never");
        Assert.Equal(0, exit);
        Assert.Equal("0 errors, 0 warnings in 8 files\n", stdout);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void PlanOrdersTheExtensionsMappings()
    {
        var (exit, stdout, _) = CliRunner.Run("plan", "examples/business-central");
        Assert.Equal(0, exit);
        Assert.StartsWith("Business Central coupling plan for 2 integration table mappings: 2 waves.\nFirst the base application's default mappings they depend on: CURRENCY.\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Wave 1\n  LABPUBLISHER  (examples/business-central/src/LabBookIntegration.Codeunit.al(11,43))\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Wave 2\n  LABBOOK  (examples/business-central/src/LabBookIntegration.Codeunit.al(31,29))\n      after: CURRENCY (base application; Dependency Filter), LABPUBLISHER (Dependency Filter)\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanNamesACycleOfDependencyFilters()
    {
        var (exit, stdout, _) = CliRunner.Run("plan", "examples/broken/DIPV2504");
        Assert.Equal(0, exit);
        Assert.EndsWith("Cycles: these mappings wait for each other and have no coupling order; break each cycle (see DIPV2504)\n  LABBOOK, LABPUBLISHER\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedCommentIsReportedWhereItOpens()
    {
        var (exit, stdout, _) = Check("Open.Table.al", Encoding.UTF8.GetBytes("table 50100 \"Lab Book\"\n{\n    /* the fields\n    fields { field(1; \"No.\"; Code[20]) { } }\n}\n"));
        Assert.Equal(1, exit);
        var finding = Assert.Single(Findings(stdout), l => l.Contains("comment", StringComparison.Ordinal));
        Assert.StartsWith("Open.Table.al(3,5): error DIPV2500: This comment is not closed", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedTextIsReportedWhereItOpens()
    {
        var (exit, stdout, _) = Check("Text.Codeunit.al", Encoding.UTF8.GetBytes("codeunit 50104 X\n{\n    var\n        NameTxt: Label 'LABBOOK;\n}\n"));
        Assert.Equal(1, exit);
        Assert.StartsWith("Text.Codeunit.al(4,24): error DIPV2500: This text is not closed", Findings(stdout)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void OtherEncodingsAreReported()
    {
        // Windows-1252 é (0xE9) in a caption: not UTF-8.
        var latin = Encoding.ASCII.GetBytes("table 50100 \"Lab Book\"\n{\n    Caption = 'Livre de lab").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("';\n}\n")).ToArray();
        var (exit, stdout, _) = Check("Latin.Table.al", latin);
        Assert.Equal(1, exit);
        Assert.Matches(@"^Latin\.Table\.al\(3,28\): error DIPV2006: The file is not valid UTF-8", Assert.Single(Findings(stdout)));

        // UTF-16 with a byte order mark is read as the text it is: no finding.
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("table 50100 \"Lab Book\" { fields { field(1; \"No.\"; Code[20]) { } } }\n")).ToArray();
        var (exit16, stdout16, _) = Check("Wide.Table.al", utf16);
        Assert.Equal(0, exit16);
        Assert.Empty(Findings(stdout16));
    }

    [Fact]
    public void BinaryIsReported()
    {
        var (exit, stdout, _) = Check("Binary.al", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0xFF, 0xFF]);
        Assert.Equal(1, exit);
        Assert.Contains(": error DIPV2006: The file contains NUL bytes", Assert.Single(Findings(stdout)), StringComparison.Ordinal);
    }

    [Fact]
    public void HugeFileIsReportedNotRead()
    {
        var content = new byte[65 * 1024 * 1024];
        Array.Fill(content, (byte)' ');
        var (exit, stdout, _) = Check("Huge.Codeunit.al", content);
        Assert.Equal(1, exit);
        Assert.Contains("error DIPV2005: The file is 65 MB, over MapLint's limit of 64 MB", Assert.Single(Findings(stdout)), StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingAndGarbageDoNotCrash()
    {
        var deep = "codeunit 50104 X\n{\n    procedure P()\n    begin\n        InsertIntegrationFieldMapping(" + new string('(', 100_000) + "\n    end;\n}\n";
        var (exit, stdout, _) = Check("Deep.Codeunit.al", Encoding.UTF8.GetBytes(deep));

        // Statements are not parsed: the call is read as far as it goes, and its arguments are not constants.
        Assert.Equal(0, exit);
        Assert.StartsWith("Deep.Codeunit.al(5,39): info DIPV2501: An integration field mapping cannot be checked statically", Assert.Single(Findings(stdout)), StringComparison.Ordinal);

        var (exitGarbage, stdoutGarbage, _) = Check("Garbage.al", Encoding.UTF8.GetBytes("}}}} end; begin ))) :: ~~~ \"\n'''\n"));
        Assert.Equal(1, exitGarbage);
        Assert.NotEmpty(Findings(stdoutGarbage));
    }

    [Fact]
    public void AlWithoutMappingsIsSkippedSilently()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "pages")).FullName;
        File.WriteAllText(Path.Combine(folder, "LabBookCard.Page.al"), "page 50100 \"Lab Book Card\"\n{\n    PageType = Card;\n    SourceTable = \"Lab Book\";\n    layout { area(content) { field(\"No.\"; Rec.\"No.\") { ApplicationArea = All; } } }\n}\n");
        File.WriteAllText(Path.Combine(folder, "LabGenre.Enum.al"), "enum 50100 \"Lab Genre\"\n{\n    Extensible = true;\n    value(0; Fiction) { }\n}\n");
        File.WriteAllText(Path.Combine(folder, "LabBook.Table.al"), "table 50101 \"Lab Book\"\n{\n    fields { field(1; \"No.\"; Code[20]) { } }\n}\n");
        var (exit, stdout, stderr) = CliRunner.RunIn(folder, ["check", ".", "--show-source", "never"]);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.EndsWith("0 errors, 0 warnings in 3 files\n", stdout, StringComparison.Ordinal);
        Assert.Empty(Findings(stdout));
    }
}
