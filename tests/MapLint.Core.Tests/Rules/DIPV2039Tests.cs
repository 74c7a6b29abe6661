using System.Text;
using static MapLint.Tests.Readers.SolutionZips;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2039 (zip expanding beyond the limits: a zip bomb); page docs/rules/DIPV2039.md.</summary>
public class DIPV2039Tests
{
    [Fact]
    public void Fires_HighlyCompressedEntry()
    {
        // 8 MB of one byte compresses about a thousand times: far over 200:1.
        var zip = Build(("customizations.xml", new byte[8 * 1024 * 1024]));
        var diagnostic = Linter.Run([("solution.zip", zip)]).Diagnostics.Single();
        Assert.Equal("DIPV2039", diagnostic.Id);
        Assert.StartsWith("The archive entry 'customizations.xml' expands to 8,388,608 bytes from ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_TooManyEntries()
    {
        var entries = Enumerable.Range(0, 10_001).Select(i => ($"e{i}.txt", Array.Empty<byte>())).ToArray();
        Assert.StartsWith("The archive has 10001 entries", Linter.Run([("solution.zip", Build(entries))]).Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_ZipOfSomethingElse() =>
        Assert.Empty(Linter.Run([("photos.zip", Build(("readme.txt", Encoding.UTF8.GetBytes("not a solution"))))]).Diagnostics);
}
