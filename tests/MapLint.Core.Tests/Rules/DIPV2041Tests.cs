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
        Assert.StartsWith("The archive cannot be read: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fires_GarbageAfterTheSignature() =>
        Assert.Equal("DIPV2041", Linter.Run([("solution.zip", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8])]).Diagnostics.Single().Id);

    [Fact]
    public void Silent_GoodZip() =>
        Assert.Empty(Linter.Run([("solution.zip", Solution(Customizations()))]).Diagnostics);
}
