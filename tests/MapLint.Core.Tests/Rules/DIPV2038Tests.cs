using System.Text;
using static MapLint.Tests.Readers.ServiceShapes;
using static MapLint.Tests.Readers.SolutionZips;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2038 (zip entry path leaving the archive); page docs/rules/DIPV2038.md.</summary>
public class DIPV2038Tests
{
    [Fact]
    public void Fires_DotDotPath_AndNothingIsWritten()
    {
        var zip = Build(("../../evil.xml", Encoding.UTF8.GetBytes("<x/>")), ("customizations.xml", Encoding.UTF8.GetBytes(Customizations())));
        string folder = Path.Combine(Path.GetTempPath(), "maplint-zipslip-" + Guid.NewGuid().ToString("N"), "a", "b");
        Directory.CreateDirectory(folder);
        var diagnostic = Linter.Run([(Path.Combine(folder, "solution.zip"), zip)]).Diagnostics.Single();
        Assert.Equal("DIPV2038", diagnostic.Id);
        Assert.Equal("Zip entry '../../evil.xml' has a path outside the archive (absolute, or with '..'); MapLint reads nothing from it. A solution exported by Dataverse never has such paths: export it again.", diagnostic.Message);
        Assert.False(File.Exists(Path.Combine(folder, "..", "..", "evil.xml")));
    }

    [Fact]
    public void Fires_AbsolutePath() =>
        Assert.Equal("DIPV2038", Linter.Run([("solution.zip", Build(("/etc/evil.xml", Encoding.UTF8.GetBytes("<x/>"))))]).Diagnostics.Single().Id);

    [Fact]
    public void Silent_SolutionZip()
    {
        var result = Linter.Run([("solution.zip", Solution(Customizations(("msdyn_[account - CustomersV3]", "1.0.0.0", XmlEscape(Definition(FieldMapping("CUSTOMERACCOUNT", "3", "accountnumber")))))))]);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("solution.zip!/customizations.xml", Assert.Single(result.Model.TableMaps).File.DisplayPath);
    }
}
