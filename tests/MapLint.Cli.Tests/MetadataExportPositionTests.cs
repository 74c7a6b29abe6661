using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// Findings on a finance and operations $metadata (CSDL) point at the element or attribute they are about, through
/// the real CLI (`check` and `metadata import`): before issue 16 every one was reported at (1,1), although XmlReader
/// knows the line and column. The documents are the project's $metadata fixtures, whose shapes are sourced in
/// tests/MapLint.Core.Tests/Corpus/fo-metadata/README.md (a real dump's form: byte order mark, CRLF, Dynamics
/// annotations); each test breaks one the way a hand edit or a cut-off download does.
/// </summary>
public sealed class MetadataExportPositionTests : IDisposable
{
    private static readonly string Corpus = Path.Combine(CliRunner.Root, "tests", "MapLint.Core.Tests", "Corpus", "fo-metadata", "fo-metadata.xml");
    private static readonly string WithStream = Path.Combine(CliRunner.Root, "tests", "MapLint.Core.Tests", "Metadata", "Fixtures", "fo-metadata.xml");
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-edmx-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    /// <summary>The 1-based line and column of the first occurrence of <paramref name="needle"/> (plus <paramref name="skip"/> characters), as MapLint counts them: a BOM is not a column, CRLF ends a line.</summary>
    private static (int Line, int Column) Find(string text, string needle, int skip = 0)
    {
        text = text.TrimStart('\uFEFF');
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, needle);
        at += skip;
        int line = text[..at].Count(c => c == '\n') + 1;
        int column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return (line, column);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(temp, name);
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }

    private (int Exit, string Output) Import(string export)
    {
        var result = CliRunner.RunIn(temp, "metadata", "import", "--fo", Path.GetFileName(export), "--output", Path.Combine(temp, "out"));
        HostileRepositoryTests.AssertNoCrash(result.Stdout + result.Stderr);
        return (result.ExitCode, result.Stdout + result.Stderr);
    }

    /// <summary>`check` of the export beside a map that uses CustomersV3 (only the entity sets the maps use are read).</summary>
    private (int Exit, string Output) Check(string export)
    {
        File.Copy(Path.Combine(CliRunner.Root, "examples", "maps", "customers.json"), Path.Combine(temp, "customers.json"), overwrite: true);
        var result = CliRunner.RunIn(temp, "check", Path.GetFileName(export), "customers.json", "--show-source", "never");
        HostileRepositoryTests.AssertNoCrash(result.Stdout + result.Stderr);
        return (result.ExitCode, result.Stdout + result.Stderr);
    }

    [Fact]
    public void AnUnsupportedPropertyTypeIsReportedAtItsTypeAttribute()
    {
        string text = File.ReadAllText(WithStream);
        string export = Write("fo-metadata.xml", text);
        var (line, column) = Find(text, "<Property Name=\"Photo\" Type=\"Edm.Stream\"", "<Property Name=\"Photo\" Type=".Length);
        string expected = $"fo-metadata.xml({line},{column}): info DIPV2011: 'CustomersV3.Photo' has type 'Edm.Stream'";
        Assert.Contains(expected, Check(export).Output, StringComparison.Ordinal);
        Assert.Contains(expected, Import(export).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void OnOneMinifiedLineTheColumnFindsTheAttribute()
    {
        // The same document as the service may send it: no line breaks between elements.
        string text = Regex.Replace(File.ReadAllText(WithStream), @">\s+<", "><");
        Assert.DoesNotContain('\n', text.TrimEnd());
        string export = Write("fo-metadata.xml", text);
        var (line, column) = Find(text, "<Property Name=\"Photo\" Type=\"Edm.Stream\"", "<Property Name=\"Photo\" Type=".Length);
        Assert.Equal(1, line);
        Assert.Contains($"fo-metadata.xml(1,{column}): info DIPV2011: 'CustomersV3.Photo'", Check(export).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedXmlIsReportedWhereTheReaderStoppedWithoutThePositionInTheMessage()
    {
        // A hand edit that breaks an end tag (CRLF and the byte order mark of a real dump kept).
        string text = File.ReadAllText(Corpus);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        text = text.Replace("</EntityType>\r\n      <EntityType Name=\"Currency\">", "</EntityTyp>\r\n      <EntityType Name=\"Currency\">", StringComparison.Ordinal);
        string export = Write("fo-metadata.xml", text);
        var (line, _) = Find(text, "</EntityTyp>");
        var (exit, output) = Import(export);
        Assert.Equal(1, exit);
        var finding = Regex.Match(output, @"fo-metadata\.xml\((\d+),(\d+)\): error DIPV2012: \$metadata is not well-formed XML: ([^\n]*)");
        Assert.True(finding.Success, output);
        Assert.Equal(line, int.Parse(finding.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(int.Parse(finding.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 1, output);
        Assert.DoesNotMatch(@"Line \d+, position \d+", finding.Groups[3].Value);
        Assert.False(Directory.Exists(Path.Combine(temp, "out")) && Directory.EnumerateFiles(Path.Combine(temp, "out")).Any(), "nothing is written after a failed read");
    }

    [Fact]
    public void AStructuralErrorIsReportedAtTheElementOfTheOriginalFile()
    {
        // An entity type without its Name: well-formed XML, but not CSDL. The library reads a reduced copy of the
        // document; the finding must still point at the element of the user's file.
        string text = File.ReadAllText(Corpus).Replace("<EntityType Name=\"Currency\">", "<EntityType>", StringComparison.Ordinal);
        string export = Write("fo-metadata.xml", text);
        var (line, column) = Find(text, "<EntityType>");
        var (exit, output) = Import(export);
        Assert.Equal(1, exit);
        Assert.Matches(new Regex($@"fo-metadata\.xml\({line},{column}\): error DIPV2012: \$metadata does not parse: [^\n(]*\n"), output);
    }
}
