using System.IO.Compression;
using System.Text;

namespace MapLint.Fuzzing;

/// <summary>
/// The seeds of the byte-level fuzzer: one real file of every kind MapLint reads, taken from the repository's
/// examples (each example cites its public source in its own folder), with credentials planted in them, and
/// the byte mutations applied to them. Shared (linked) by the in-process fuzzer (MapLint.Core.Tests) and the
/// batches through the real CLI (MapLint.Cli.Tests), so both attack the same corpus the same way.
/// </summary>
public static class FuzzCorpus
{
    /// <summary>A seed: the path it is checked under (its extension and name select the reader) and its bytes.</summary>
    public sealed record Seed(string Kind, string Path, byte[] Bytes, IReadOnlyList<(string Path, byte[] Bytes)> Companions);

    // Planted credentials. Each is printed nowhere while the text around it (its context) is intact; the
    // pattern forms are masked wherever they appear, the property form is never quoted.
    public const string UrlPassword = "FuzzUrlPw7731";
    public const string SigValue = "FuzzSigValue7732";
    public const string PropertySecret = "FuzzPropSecret7733";
    public const string BearerToken = "FuzzBearer7734abcdefgh";

    public static readonly (string Context, string Secret)[] Planted =
    [
        ($"https://svc:{UrlPassword}@contoso.crm.dynamics.com/?sig={SigValue}", UrlPassword),
        ($"https://svc:{UrlPassword}@contoso.crm.dynamics.com/?sig={SigValue}", SigValue),
        ($"\"clientSecret\": \"{PropertySecret}\"", PropertySecret),
        ($"Bearer {BearerToken}", BearerToken),
    ];

    private const string JsonPlant = $"\"clientSecret\": \"{PropertySecret}\", \"endpoint\": \"https://svc:{UrlPassword}@contoso.crm.dynamics.com/?sig={SigValue}\", \"authorization\": \"Bearer {BearerToken}\", ";
    private const string TextPlant = $" https://svc:{UrlPassword}@contoso.crm.dynamics.com/?sig={SigValue} \"clientSecret\": \"{PropertySecret}\" Bearer {BearerToken} ";

    public static string Root { get; } = FindRoot();

    /// <summary>Every kind, read once: MapLint documents, metadata (MapLint, Dataverse export, $metadata XML), the service's records, AL, configuration.</summary>
    public static IReadOnlyList<Seed> Seeds { get; } = Load();

    /// <summary>A baseline as <c>--update-baseline</c> writes it (shape of src/MapLint.Core/Workspace/Baseline.cs).</summary>
    public static readonly byte[] Baseline = Encoding.UTF8.GetBytes("""
        {
          "version": 1,
          "entries": [
            { "file": "maps/customers.json", "rule": "DIPV1004", "location": "$.mappings[0].destination", "count": 1 },
            { "file": "maps/customers.json", "rule": "DIPV2104", "location": "$.mappings[3]" }
          ]
        }
        """);

    /// <summary>
    /// An .editorconfig in the form the format defines (https://spec.editorconfig.org) with .NET's
    /// <c>dotnet_diagnostic.&lt;id&gt;.severity</c> keys (https://learn.microsoft.com/dotnet/fundamentals/code-analysis/configuration-files).
    /// </summary>
    public static readonly byte[] EditorConfig = Encoding.UTF8.GetBytes("""
        root = true

        [*.json]
        dotnet_diagnostic.DIPV1004.severity = warning
        dotnet_diagnostic.DIPV2104.severity = none

        [maps/**.json]
        dotnet_diagnostic.DIPV1010.severity = error
        """.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static IReadOnlyList<Seed> Load()
    {
        string examples = System.IO.Path.Combine(Root, "examples");
        byte[] Read(string relative) => File.ReadAllBytes(System.IO.Path.Combine(examples, relative));
        var seeds = new List<Seed>
        {
            Json("tableMap", "maps/customers.json", Read("maps/customers.json")),
            Json("tableMap", "maps/sales-order-lines.json", Read("maps/sales-order-lines.json")),
            Json("connectionSet", "connection-set.json", Read("connection-set.json")),
            Json("project", "project.json", Read("project.json")),
            Json("entityMetadata", "metadata/finance-and-operations.json", Read("metadata/finance-and-operations.json")),
            Json("dataverseExport", "metadata/dataverse.json", Read("metadata/dataverse.json")),
            Json("webApiExport", "service/webapi/page-1.json", Read("service/webapi/page-1.json")),
            Json("serviceConnectionSet", "service/connection-set.json", Read("service/connection-set.json")),
            Json("serviceProject", "service/project.json", Read("service/project.json")),
            Json("alApp", "business-central/app.json", Read("business-central/app.json")),
            Json("maplintJson", "maplint.json", Read("maplint.json")),
        };

        // $metadata (CSDL) in the form of a real dump: tests/MapLint.Core.Tests/Corpus/fo-metadata/README.md.
        var csdl = File.ReadAllBytes(System.IO.Path.Combine(Root, "tests", "MapLint.Core.Tests", "Corpus", "fo-metadata", "fo-metadata.xml"));
        seeds.Add(Xml("foMetadataXml", "metadata/fo-metadata.xml", csdl, "</edmx:DataServices>"));

        // A solution unpacked (Other/Customizations.xml beside Other/Solution.xml) and the same solution zipped.
        // Its first three map records (of 26), so that a case costs milliseconds, not a second.
        var customizations = FirstRecords(Read("service/solution/Other/Customizations.xml"), 3);
        var solution = Read("service/solution/Other/Solution.xml");
        var planted = Plant(customizations, "</ImportExportXml>", "<!--" + TextPlant + "-->");
        seeds.Add(new Seed("customizationsXml", "solution/Other/Customizations.xml", planted, [("solution/Other/Solution.xml", solution)]));
        seeds.Add(new Seed("solutionXml", "solution/Other/Solution.xml", solution, [("solution/Other/Customizations.xml", planted)]));
        seeds.Add(new Seed("solutionZip", "solutions/Contoso_1_0_0_0.zip", Zip(("solution.xml", solution), ("customizations.xml", planted), ("[Content_Types].xml", ContentTypes)), []));

        foreach (var al in Directory.GetFiles(System.IO.Path.Combine(examples, "business-central", "src"), "*.al").Order(StringComparer.Ordinal))
        {
            string name = "business-central/src/" + System.IO.Path.GetFileName(al);
            var bytes = File.ReadAllBytes(al);
            seeds.Add(new Seed("al", name, Concat(Encoding.UTF8.GetBytes("//" + TextPlant + "\n"), bytes), [("business-central/app.json", Read("business-central/app.json"))]));
        }

        return seeds;
    }

    private static byte[] FirstRecords(byte[] customizations, int count)
    {
        string text = Encoding.UTF8.GetString(customizations);
        int end = 0;
        for (int i = 0; i < count; i++)
        {
            end = text.IndexOf("</msdyn_dualwriteentitymap>", end, StringComparison.Ordinal) + "</msdyn_dualwriteentitymap>".Length;
        }

        return Encoding.UTF8.GetBytes(text[..end] + "\n  </msdyn_dualwriteentitymaps>\n</ImportExportXml>\n");
    }

    private static readonly byte[] ContentTypes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/octet-stream\" /></Types>");

    private static Seed Json(string kind, string path, byte[] bytes)
    {
        // The credentials go in as the root object's first properties, as a careless user stores them.
        int brace = Array.IndexOf(bytes, (byte)'{');
        var planted = brace < 0 ? bytes : Concat(bytes.AsSpan(0, brace + 1).ToArray(), Encoding.UTF8.GetBytes(" " + JsonPlant), bytes.AsSpan(brace + 1).ToArray());
        return new Seed(kind, path, planted, []);
    }

    private static Seed Xml(string kind, string path, byte[] bytes, string before) => new(kind, path, Plant(bytes, before, "<!--" + TextPlant + "-->"), []);

    private static byte[] Plant(byte[] bytes, string before, string text)
    {
        int at = IndexOf(bytes, Encoding.UTF8.GetBytes(before));
        return at < 0 ? bytes : Concat(bytes.AsSpan(0, at).ToArray(), Encoding.UTF8.GetBytes(text), bytes.AsSpan(at).ToArray());
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                // A fixed time stamp: the same seed gives the same bytes.
                var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var open = entry.Open();
                open.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    public static byte[] Concat(params byte[][] parts)
    {
        var result = new byte[parts.Sum(p => p.Length)];
        int at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, at);
            at += part.Length;
        }

        return result;
    }

    /// <summary>The planted secrets whose context the mutated bytes still hold: those no output may print.</summary>
    public static IEnumerable<string> IntactSecrets(byte[] mutated) => IntactSecrets([mutated]);

    /// <summary>The same over the files of a workspace: a secret is intact when every copy in every file sits in its context.</summary>
    public static IEnumerable<string> IntactSecrets(IEnumerable<byte[]> files)
    {
        string text = string.Join("\n\0\n", files.Select(f => Encoding.UTF8.GetString(f)));
        // Only where every copy of the secret sits in its context: a mutation that copied part of it elsewhere
        // (into a name the messages quote) has made it a name.
        return Planted.Where(p => Count(text, p.Context) > 0 && Count(text, p.Context) == Count(text, p.Secret)).Select(p => p.Secret).Distinct();
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "MapLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MapLint.sln not found");
    }
}
