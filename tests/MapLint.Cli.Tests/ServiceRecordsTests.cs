using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// The service's own records through the real CLI process: examples/service/ (a Web API export, an unpacked
/// solution, a project and a connection set, written by scripts/generate-service-examples.py from examples/maps/),
/// hostile solutions, and `maplint maps import`.
/// </summary>
public class ServiceRecordsTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-service-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    private static void AssertNoCrash(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"^\s+at \S+\(", RegexOptions.Multiline), output);
    }

    [Fact]
    public void WebApiExport_FindingAtTheFilesLineAndColumn_NamingMapAndFieldMapping()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/service/webapi", "--show-source", "always");
        Assert.Equal(0, exit);
        string export = File.ReadAllText(Path.Combine(CliRunner.Root, "examples", "service", "webapi", "page-1.json"));
        int column = export.IndexOf("\\\"msdyn_billingaccount.accountnumber\\\"", StringComparison.Ordinal) + 1;
        Assert.Contains($"examples/service/webapi/page-1.json(1,{column}): warning DIPV2200: Lookup 'msdyn_billingaccount.accountnumber'", stdout, StringComparison.Ordinal);
        Assert.Contains("  in map 'Customers V3 (accounts)', field mapping INVOICEACCOUNT = msdyn_billingaccount.accountnumber\n", stdout, StringComparison.Ordinal);
        // The caret sits under the escaped field in the window shown of the one-line export.
        var lines = stdout.Split('\n');
        int at = Array.FindIndex(lines, l => l.Contains($"page-1.json(1,{column})", StringComparison.Ordinal));
        string source = lines[at + 2];
        string caret = lines[at + 3];
        int bar = source.IndexOf("| ", StringComparison.Ordinal) + 2;
        Assert.StartsWith("\\\"msdyn_billingaccount.accountnumber\\\"", source[(bar + caret.IndexOf('^', StringComparison.Ordinal) - bar)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Solution_SarifRegionIsTheXmlLineAndColumn()
    {
        var (exit, stdout, _) = CliRunner.Run("check", "examples/service/solution", "--format", "sarif");
        Assert.Equal(0, exit);
        string xml = File.ReadAllText(Path.Combine(CliRunner.Root, "examples", "service", "solution", "Other", "Customizations.xml"));
        var xmlLines = xml.Split('\n');
        int line = Array.FindIndex(xmlLines, l => l.Contains("&quot;msdyn_billingaccount.accountnumber&quot;", StringComparison.Ordinal)) + 1;
        int column = xmlLines[line - 1].IndexOf("&quot;msdyn_billingaccount", StringComparison.Ordinal) + 1;
        using var sarif = JsonDocument.Parse(stdout);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().First(r => r.GetProperty("message").GetProperty("text").GetString()!.Contains("msdyn_billingaccount", StringComparison.Ordinal));
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(line, region.GetProperty("startLine").GetInt32());
        Assert.Equal(column, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(column + "&quot;msdyn_billingaccount.accountnumber&quot;".Length, region.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void JsonOutputCarriesMapAndFieldMapping()
    {
        var (_, stdout, _) = CliRunner.Run("check", "examples/service/webapi", "--format", "json");
        Assert.Contains("\"fieldMapping\": \"INVOICEACCOUNT = msdyn_billingaccount.accountnumber\"", stdout.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileSolutions() => ["bomb", "zipslip", "corrupt", "encrypted", "billion-laughs", "external-entity"];

    [Theory]
    [MemberData(nameof(HostileSolutions))]
    public void HostileSolution_PositionedDiagnosticAndExitCodeNoStackTrace(string kind)
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, kind)).FullName;
        string good = "<ImportExportXml><msdyn_dualwriteentitymaps /></ImportExportXml>";
        (string file, byte[] content, string code) = kind switch
        {
            "bomb" => ("solution.zip", Zip(("customizations.xml", new byte[16 * 1024 * 1024])), "DIPV2039"),
            "zipslip" => ("solution.zip", Zip(("../../../../tmp/maplint-owned.xml", Encoding.UTF8.GetBytes(good)), ("customizations.xml", Encoding.UTF8.GetBytes(good))), "DIPV2038"),
            "corrupt" => ("solution.zip", Zip(("customizations.xml", Encoding.UTF8.GetBytes(good)))[..40], "DIPV2041"),
            "encrypted" => ("solution.zip", Encrypted(Zip(("customizations.xml", Encoding.UTF8.GetBytes(good)))), "DIPV2040"),
            "billion-laughs" => ("Customizations.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<ImportExportXml><msdyn_dualwriteentitymaps><msdyn_dualwriteentitymap><msdyn_name>&c;</msdyn_name></msdyn_dualwriteentitymap></msdyn_dualwriteentitymaps></ImportExportXml>"), "DIPV2036"),
            _ => ("Customizations.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<ImportExportXml><msdyn_dualwriteentitymaps><msdyn_dualwriteentitymap><msdyn_name>&e;</msdyn_name></msdyn_dualwriteentitymap></msdyn_dualwriteentitymaps></ImportExportXml>"), "DIPV2036"),
        };
        File.WriteAllBytes(Path.Combine(folder, file), content);
        var (exit, stdout, stderr) = CliRunner.RunIn(folder, "check", ".", "--show-source", "never");
        AssertNoCrash(stdout + stderr);
        Assert.Equal(1, exit);
        Assert.Matches(new Regex("^" + Regex.Escape(file) + @"\(\d+,\d+\): error " + code + ": ", RegexOptions.Multiline), stdout);
        Assert.DoesNotContain("root:", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/maplint-owned.xml"));
    }

    [Fact]
    public void SolutionZipIsReadInPlace()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "zip")).FullName;
        string customizations = File.ReadAllText(Path.Combine(CliRunner.Root, "examples", "service", "solution", "Other", "Customizations.xml"));
        File.WriteAllBytes(Path.Combine(folder, "ContosoDualWriteMaps_1_0_0_0.zip"), Zip(("customizations.xml", Encoding.UTF8.GetBytes(customizations)), ("solution.xml", Encoding.UTF8.GetBytes("<ImportExportXml />"))));
        var (exit, stdout, _) = CliRunner.RunIn(folder, "check", ".", "--show-source", "never");
        Assert.Equal(0, exit);
        Assert.Contains("ContosoDualWriteMaps_1_0_0_0.zip!/customizations.xml(", stdout, StringComparison.Ordinal);

        // Nothing is extracted beside it; the only other entry is the cache folder a check keeps in its workspace root,
        // whose report of this run the next run prints as it is.
        Assert.Equal([".maplint", "ContosoDualWriteMaps_1_0_0_0.zip"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal((exit, stdout), CliRunner.RunIn(folder, "check", ".", "--show-source", "never") is var again ? (again.ExitCode, again.Stdout) : default);
    }

    [Fact]
    public void MapsImport_RoundTrips()
    {
        string output = Path.Combine(temp, "imported");
        var (exit, stdout, stderr) = CliRunner.Run("maps", "import", "examples/service/webapi", "-o", output);
        Assert.True(exit == 0, stdout + stderr);
        var imported = Directory.GetFiles(Path.Combine(output, "maps")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "maps")).Length, imported.Count);

        // The same maps as examples/maps/: each mapping once, sides and directions alike.
        foreach (var original in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "maps")))
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(original), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            string name = expected.RootElement.GetProperty("name").GetString()!;
            string match = imported.Single(f => File.ReadAllText(f).Contains("\"name\": " + JsonSerializer.Serialize(name), StringComparison.Ordinal));
            using var actual = JsonDocument.Parse(File.ReadAllText(match));
            Assert.Equal(Mappings(expected.RootElement), Mappings(actual.RootElement));
            Assert.Equal(expected.RootElement.GetProperty("source").GetProperty("entity").GetString(), actual.RootElement.GetProperty("source").GetProperty("entity").GetString());
        }

        // One mapping per line, sorted: a second import writes the same bytes.
        var first = imported.ToDictionary(f => f, File.ReadAllText);
        Assert.All(first.Values, text => Assert.Matches(new Regex(@"^    \{ ""source"": .*\},?$", RegexOptions.Multiline), text));
        Assert.Equal(0, CliRunner.Run("maps", "import", "examples/service/webapi", "-o", output).ExitCode);
        Assert.All(first, pair => Assert.Equal(pair.Value, File.ReadAllText(pair.Key)));

        // The imported maps check like the originals, beside the same metadata and connection set.
        var fromImport = CliRunner.Run("check", Path.Combine(output, "maps"), "examples/metadata", "examples/connection-set.json", "--show-source", "never");
        var fromOriginals = CliRunner.Run("check", "examples/maps", "examples/metadata", "examples/connection-set.json", "--show-source", "never");
        Assert.Equal(Codes(fromOriginals.Stdout), Codes(fromImport.Stdout));
    }

    [Fact]
    public void MapsImport_FailedReadWritesNothing()
    {
        string output = Directory.CreateDirectory(Path.Combine(temp, "out", "maps")).FullName;
        string kept = Path.Combine(output, "customers.json");
        File.WriteAllText(kept, "GOOD");
        string export = Path.Combine(temp, "export.json");
        File.WriteAllText(export, "{\"value\":[{\"msdyn_dualwriteentitymapid\":\"a\",\"msdyn_name\":\"Customers\",\"msdyn_mapping\":\"{\\\"name\\\":\\\"Customers\\\",\\\"legs\\\":[\"}]}");
        var (exit, stdout, stderr) = CliRunner.RunIn(temp, "maps", "import", "export.json", "-o", "out");
        AssertNoCrash(stdout + stderr);
        Assert.Equal(1, exit);
        Assert.Contains("export.json(1,", stdout, StringComparison.Ordinal);
        Assert.Contains("error DIPV2030", stdout, StringComparison.Ordinal);
        Assert.Contains("nothing was written", stderr, StringComparison.Ordinal);
        Assert.Equal("GOOD", File.ReadAllText(kept));
        Assert.Single(Directory.GetFiles(output));
    }

    private static List<string> Mappings(JsonElement map) =>
        map.GetProperty("mappings").EnumerateArray()
            .Select(m => $"{(m.TryGetProperty("source", out var s) ? s.GetString() : "")} {m.GetProperty("direction").GetString()} {(m.TryGetProperty("destination", out var d) ? d.GetString() : "")}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> Codes(string stdout) =>
        Regex.Matches(stdout, @"(error|warning) (DIPV\d+): (.*)$", RegexOptions.Multiline).Select(m => m.Groups[2].Value + " " + Regex.Replace(m.Groups[3].Value, @"\([^()]*\.json\)", "(file)")).Order(StringComparer.Ordinal).ToList();

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Sets the "encrypted" bit of every entry (general purpose flag bit 0, local and central headers).</summary>
    private static byte[] Encrypted(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4)
            {
                bytes[i + 6] |= 1;
            }
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2)
            {
                bytes[i + 8] |= 1;
            }
        }

        return bytes;
    }
}
