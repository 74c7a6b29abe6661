using System.Text;
using BenchmarkDotNet.Attributes;
using MapLint.Diagnostics;
using MapLint.Syntax;
using MapLint.Workspace;

namespace MapLint.Bench;

/// <summary>The in-process stages on a generated corpus, one thread except the check: tokenize (the floor), parse, load (parse + validate + bind), and the whole check (all cores).</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private List<(string Path, byte[] Content)> documents = [];

    [Params(500)]
    public int Maps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string folder = Directory.CreateTempSubdirectory("maplint-stages-").FullName;
        CorpusGenerator.Write(folder, Maps, 1);
        documents = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f))).ToList();
    }

    /// <summary>The floor: tokenizing the same bytes with Utf8JsonReader and nothing else.</summary>
    [Benchmark(Baseline = true)]
    public long Tokenize()
    {
        long tokens = 0;
        foreach (var (_, content) in documents)
        {
            var reader = new System.Text.Json.Utf8JsonReader(content, new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark]
    public int Parse()
    {
        int nodes = 0;
        foreach (var (path, content) in documents)
        {
            var bag = new DiagnosticBag(path, null);
            if (SourceDecoder.Decode(content, bag) is { } text && JsonParser.Parse(text, bag) is JsonObject root)
            {
                nodes += root.Properties.Count;
            }
        }

        return nodes;
    }

    [Benchmark]
    public int Load() => documents.Count(d => DocumentLoader.Load(new WorkspaceFile(d.Path, d.Path), d.Content, new DiagnosticBag(d.Path, null)) is not null);

    [Benchmark]
    public int Check() => Linter.Run(documents).Diagnostics.Count;
}
