using static MapLint.Tests.Readers.ServiceShapes;
using static MapLint.Tests.Readers.SolutionZips;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2041 (corrupt zip); page docs/rules/DIPV2041.md.</summary>
public class DIPV2041Tests
{
    [Fact]
    public void Fires_Truncated()
    {
        var zip = Solution(Customizations());
        var diagnostic = Linter.Run([("solution.zip", zip[..(zip.Length / 2)])]).Diagnostics.Single();
        Assert.Equal("DIPV2041", diagnostic.Id);
        Assert.Equal(Damaged, diagnostic.Message);
    }

    // MapLint's words, not the zip library's exception text (which differs by runtime and was passed through).
    private const string Damaged = "The archive cannot be read: its directory or an entry is damaged (a download cut short, or a file that is not a zip). Download or export the solution again.";

    [Fact]
    public void Fires_GarbageAfterTheSignature()
    {
        var diagnostic = Linter.Run([("solution.zip", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8])]).Diagnostics.Single();
        Assert.Equal("DIPV2041", diagnostic.Id);
        Assert.Equal(Damaged, diagnostic.Message);
    }

    [Fact]
    public void Fires_AnEntryWhoseCompressedBytesAreDamaged()
    {
        // The directory is intact, the deflated bytes of customizations.xml are not.
        var zip = Solution(Customizations());
        int header = zip.AsSpan().IndexOf("customizations.xml"u8) - 30;
        int data = header + 30 + BitConverter.ToUInt16(zip, header + 26) + BitConverter.ToUInt16(zip, header + 28);
        for (int i = data; i < data + 16; i++)
        {
            zip[i] = 0xFF;
        }

        var diagnostic = Linter.Run([("solution.zip", zip)]).Diagnostics.Single();
        Assert.Equal("DIPV2041", diagnostic.Id);
        Assert.DoesNotContain("Exception", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith(" Download or export the solution again.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_GoodZip() =>
        Assert.Empty(Linter.Run([("solution.zip", Solution(Customizations()))]).Diagnostics);
}
