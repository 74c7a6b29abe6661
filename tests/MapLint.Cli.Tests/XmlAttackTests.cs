using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// The classic XML attacks (OWASP's XXE and entity-expansion cases) against every XML reader MapLint has, through
/// the real CLI: finance and operations $metadata (a metadata glob in check, and metadata import), a solution's
/// Customizations.xml and Solution.xml unpacked, and customizations.xml inside a solution zip. Each attack is put
/// into the real file (examples/service/solution, tests/MapLint.Core.Tests/Corpus/fo-metadata). Oracles: a
/// positioned error and exit 1 (never a stack trace, never a hang), nothing of /etc/passwd printed, no request to
/// the HTTP server the entities name (a listener in the test counts connections), nothing written.
/// </summary>
public sealed class XmlAttackTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-xml-").FullName;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public XmlAttackTests() => listener.Start();

    public void Dispose()
    {
        listener.Stop();
        Directory.Delete(temp, true);
    }

    private int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static readonly string[] Attacks = ["internal-entity", "file-entity", "http-entity", "external-dtd", "parameter-entity", "billion-laughs", "quadratic-blowup"];

    /// <summary>The DOCTYPE of an attack, and what the document refers to in place of a name.</summary>
    private (string Doctype, string Reference) Attack(string attack, string root) => attack switch
    {
        "internal-entity" => ($"<!DOCTYPE {root} [<!ENTITY e \"PlantedEntityValue\">]>", "&e;"),
        "file-entity" => ($"<!DOCTYPE {root} [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;"),
        "http-entity" => ($"<!DOCTYPE {root} [<!ENTITY e SYSTEM \"http://127.0.0.1:{Port}/e.txt\">]>", "&e;"),
        "external-dtd" => ($"<!DOCTYPE {root} SYSTEM \"http://127.0.0.1:{Port}/x.dtd\">", "x"),
        "parameter-entity" => ($"<!DOCTYPE {root} [<!ENTITY % p SYSTEM \"http://127.0.0.1:{Port}/p.dtd\"> %p;]>", "x"),
        "billion-laughs" => ($"<!DOCTYPE {root} [<!ENTITY a \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">")) + "]>", "&j;"),
        _ => ($"<!DOCTYPE {root} [<!ENTITY q \"{new string('q', 50_000)}\">]>", string.Concat(Enumerable.Repeat("&q;", 20_000))),
    };

    private static string Insert(string xml, string doctype, string find, string replace)
    {
        int declaration = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
        int at = xml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at > declaration, $"'{find}' is in the seed");
        return xml[..declaration] + "\n" + doctype + xml[declaration..at] + replace + xml[(at + find.Length)..];
    }

    /// <summary>One repository per reader holding every attack (one process checks them all); import takes one file a run.</summary>
    [Theory]
    [InlineData("metadata-check")]
    [InlineData("metadata-import")]
    [InlineData("customizations")]
    [InlineData("solution-xml")]
    [InlineData("solution-zip")]
    public void EveryXmlReaderRefusesEveryAttackWithAPositionedError(string reader)
    {
        string repo = Directory.CreateDirectory(Path.Combine(temp, "repo")).FullName;
        Assert.Equal(0, CliRunner.RunProcess("git", ["init", "-q", "."], repo).ExitCode);
        string solution = Path.Combine(CliRunner.Root, "examples", "service", "solution", "Other");
        string customizations = File.ReadAllText(Path.Combine(solution, "Customizations.xml"));
        string solutionXml = File.ReadAllText(Path.Combine(solution, "Solution.xml"));
        string csdl = File.ReadAllText(Path.Combine(CliRunner.Root, "tests", "MapLint.Core.Tests", "Corpus", "fo-metadata", "fo-metadata.xml"));
        var attacked = new List<string>();
        foreach (var attack in Attacks)
        {
            switch (reader)
            {
                case "metadata-check" or "metadata-import":
                    var (doctype, reference) = Attack(attack, "edmx:Edmx");
                    Directory.CreateDirectory(Path.Combine(repo, "metadata"));
                    File.WriteAllText(Path.Combine(repo, "metadata", attack + ".xml"), Insert(csdl, doctype, "Name=\"CustomerV3\"", $"Name=\"{reference}\""));
                    attacked.Add($"metadata/{attack}.xml");
                    break;
                case "customizations":
                    (doctype, reference) = Attack(attack, "ImportExportXml");
                    Directory.CreateDirectory(Path.Combine(repo, attack, "Other"));
                    File.WriteAllText(Path.Combine(repo, attack, "Other", "Customizations.xml"), Insert(customizations, doctype, "msdyn_[contact - CDSContactsV2]", reference));
                    File.WriteAllText(Path.Combine(repo, attack, "Other", "Solution.xml"), solutionXml);
                    attacked.Add($"{attack}/Other/Customizations.xml");
                    break;
                case "solution-xml":
                    (doctype, reference) = Attack(attack, "ImportExportXml");
                    Directory.CreateDirectory(Path.Combine(repo, attack, "Other"));
                    File.WriteAllText(Path.Combine(repo, attack, "Other", "Customizations.xml"), customizations);
                    File.WriteAllText(Path.Combine(repo, attack, "Other", "Solution.xml"), Insert(solutionXml, doctype, "ContosoDualWriteMaps", reference));
                    attacked.Add($"{attack}/Other/Solution.xml");
                    break;
                default:
                    (doctype, reference) = Attack(attack, "ImportExportXml");
                    var zip = new MemoryStream();
                    using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                    {
                        foreach (var (name, text) in (ValueTuple<string, string>[])[("solution.xml", solutionXml), ("customizations.xml", Insert(customizations, doctype, "msdyn_[contact - CDSContactsV2]", reference))])
                        {
                            using var entry = archive.CreateEntry(name).Open();
                            entry.Write(Encoding.UTF8.GetBytes(text));
                        }
                    }

                    Directory.CreateDirectory(Path.Combine(repo, "solutions"));
                    File.WriteAllBytes(Path.Combine(repo, "solutions", attack + ".zip"), zip.ToArray());
                    attacked.Add($"solutions/{attack}.zip!/customizations.xml");
                    break;
            }
        }

        if (reader == "metadata-check")
        {
            File.Copy(Path.Combine(CliRunner.Root, "examples", "maps", "customers.json"), Path.Combine(repo, "customers.json"));
            File.WriteAllText(Path.Combine(repo, "maplint.json"), "{ \"metadata\": [\"metadata/*.xml\"] }\n");
        }

        var before = Entries(repo);
        var runs = reader == "metadata-import"
            ? Attacks.AsParallel().AsOrdered().Select(a => CliRunner.RunIn(repo, "metadata", "import", "--fo", $"metadata/{a}.xml", "-o", $"imported-{a}.json")).ToList()
            : [CliRunner.RunIn(repo, "check", ".", "--show-source", "never")];
        foreach (var (exit, stdout, stderr) in runs)
        {
            string output = stdout + stderr;
            HostileRepositoryTests.AssertNoCrash(output);
            Assert.False(listener.Pending(), $"{reader} fetched a URL an entity names:\n{output}");
            Assert.DoesNotContain("root:x:0:0", output, StringComparison.Ordinal);
            Assert.DoesNotContain("PlantedEntityValue", output, StringComparison.Ordinal);
            Assert.DoesNotContain("lollollol", output, StringComparison.Ordinal);
            Assert.DoesNotContain("qqqqqqqq", output, StringComparison.Ordinal);
            Assert.True(output.Length < 20_000, $"{reader}: {output.Length} characters of output");
            Assert.True(exit == 1, $"{reader}: exit {exit}\n{output}");
            Assert.DoesNotContain("XmlReaderSettings", output, StringComparison.Ordinal);
        }

        Assert.Equal(before, Entries(repo));
        if (reader == "metadata-import")
        {
            foreach (var (path, run) in attacked.Zip(runs))
            {
                Assert.Matches(new Regex("^" + Regex.Escape(path) + @"\(\d+,\d+\): error DIPV\d{4}: ", RegexOptions.Multiline), run.Stdout + run.Stderr);
            }
        }
        else
        {
            foreach (var path in attacked)
            {
                Assert.Matches(new Regex("^" + Regex.Escape(path) + @"\(\d+,\d+\): error DIPV\d{4}: ", RegexOptions.Multiline), runs[0].Stdout);
            }
        }
    }

    private static List<string> Entries(string repo) =>
        Directory.GetFileSystemEntries(repo, "*", SearchOption.AllDirectories).Where(p => !p.Contains("/.git", StringComparison.Ordinal) && !p.Contains("/.maplint", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>XInclude is not XML 1.0: no reader acts on it, so nothing of the file it names comes out.</summary>
    [Fact]
    public void XIncludeIsNotFollowed()
    {
        string repo = Directory.CreateDirectory(Path.Combine(temp, "xinclude")).FullName;
        Assert.Equal(0, CliRunner.RunProcess("git", ["init", "-q", "."], repo).ExitCode);
        string solution = Path.Combine(CliRunner.Root, "examples", "service", "solution", "Other");
        Directory.CreateDirectory(Path.Combine(repo, "Other"));
        File.WriteAllText(Path.Combine(repo, "Other", "Solution.xml"), File.ReadAllText(Path.Combine(solution, "Solution.xml")));
        string customizations = File.ReadAllText(Path.Combine(solution, "Customizations.xml"))
            .Replace("msdyn_[contact - CDSContactsV2]", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\" />", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(repo, "Other", "Customizations.xml"), customizations);
        var (exit, stdout, stderr) = CliRunner.RunIn(repo, "check", ".", "--show-source", "never");
        HostileRepositoryTests.AssertNoCrash(stdout + stderr);
        Assert.True(exit is 0 or 1, $"exit {exit}: {stdout}{stderr}");
        Assert.DoesNotContain("root:x:0:0", stdout + stderr, StringComparison.Ordinal);
    }
}
