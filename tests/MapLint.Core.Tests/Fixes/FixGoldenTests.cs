using System.Text;
using MapLint.Fixes;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Fixes;

/// <summary>
/// Golden tests of the fixes: each folder of Fixes/Cases holds an input workspace and, under expected/, the
/// files a fix run must produce, byte for byte (files not there must come out unchanged). A fixed workspace has
/// no fixable finding left, and fixing it again changes nothing.
/// </summary>
public class FixGoldenTests
{
    private static readonly string CasesFolder = Path.Combine(CatalogTests.Root, "tests", "MapLint.Core.Tests", "Fixes", "Cases");

    private static IEnumerable<string> Names() => Directory.GetDirectories(CasesFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(CasesFolder).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_ProducesExpectedFiles_ByteForByte(string name)
    {
        var (input, includeUnsafe) = Load(name);
        var fixedDocuments = Run(input, includeUnsafe);

        var expectedFolder = Path.Combine(CasesFolder, name, "expected");
        var expected = Directory.GetFiles(expectedFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), fixedDocuments.Select(d => d.Path).Order(StringComparer.Ordinal));
        foreach (var document in fixedDocuments)
        {
            Assert.Equal(Encoding.UTF8.GetString(expected[document.Path]), Encoding.UTF8.GetString(document.Fixed));
            Assert.Equal(expected[document.Path], document.Fixed);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FixedWorkspace_HasNoFixableFindingLeft_AndFixingAgainChangesNothing(string name)
    {
        var (input, includeUnsafe) = Load(name);
        var after = Apply(input, Run(input, includeUnsafe));

        var leftovers = Linter.Run(after).Diagnostics
            .Where(d => CodeFixes.For(d, new FixDocument(after.First(a => a.Path == d.Location.Path).Content)) is { } fix
                && (fix.Safety == FixSafety.Safe || (includeUnsafe && fix.Safety == FixSafety.Unsafe)))
            .Select(d => d.ToString())
            .ToList();
        Assert.Empty(leftovers);
        Assert.Empty(Run(after, includeUnsafe));
    }

    [Fact]
    public void UnsafeFixes_AreLeftOut_WithoutUnsafe()
    {
        foreach (var name in Names().Where(n => File.Exists(Path.Combine(CasesFolder, n, "unsafe"))))
        {
            var (input, _) = Load(name);
            var safeOnly = Run(input, includeUnsafe: false);
            Assert.All(safeOnly.SelectMany(d => d.Applied), fix => Assert.Equal(FixSafety.Safe, fix.Safety));
            var withUnsafe = Run(input, includeUnsafe: true);
            Assert.Contains(withUnsafe.SelectMany(d => d.Applied), fix => fix.Safety == FixSafety.Unsafe);
        }
    }

    [Fact]
    public void Edits_ChangeOnlyTheirSpans()
    {
        // Everything outside the edited lines is the input's, byte for byte: comments, order and indentation stay.
        foreach (var name in Names())
        {
            var (input, includeUnsafe) = Load(name);
            foreach (var document in Run(input, includeUnsafe))
            {
                var before = Encoding.UTF8.GetString(document.Original).Split('\n');
                var after = Encoding.UTF8.GetString(document.Fixed).Split('\n');
                int prefix = 0;
                while (prefix < Math.Min(before.Length, after.Length) && before[prefix] == after[prefix])
                {
                    prefix++;
                }

                int suffix = 0;
                while (suffix < Math.Min(before.Length, after.Length) - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
                {
                    suffix++;
                }

                int changedBefore = before.Length - prefix - suffix;
                Assert.True(changedBefore <= document.Applied.Count * 6, $"{name}/{document.Path}: {changedBefore} lines changed for {document.Applied.Count} fixes");
            }
        }
    }

    private static (List<(string Path, byte[] Content)> Input, bool Unsafe) Load(string name)
    {
        var folder = Path.Combine(CasesFolder, name);
        var input = Directory.GetFiles(Path.Combine(folder, "input"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        return (input, File.Exists(Path.Combine(folder, "unsafe")));
    }

    private static IReadOnlyList<FixedDocument> Run(IReadOnlyList<(string Path, byte[] Content)> input, bool includeUnsafe) =>
        FixRunner.Run(input, docs => Linter.Run(docs).Diagnostics, _ => true, includeUnsafe);

    private static List<(string Path, byte[] Content)> Apply(List<(string Path, byte[] Content)> input, IReadOnlyList<FixedDocument> fixedDocuments) =>
        input.Select(i => (i.Path, fixedDocuments.FirstOrDefault(d => d.Path == i.Path)?.Fixed ?? i.Content)).ToList();
}
