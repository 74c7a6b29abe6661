namespace MapLint.Cli.Tests;

public class PlanCommandTests
{
    public static TheoryData<string, string> Formats() => new()
    {
        { "text", "plan.txt" },
        { "json", "plan.json" },
        { "dot", "plan.dot" },
        { "mermaid", "plan.mmd" },
    };

    /// <summary>Golden plans over examples/; regenerate with scripts/update-golden.sh and review the diff.</summary>
    [Theory]
    [MemberData(nameof(Formats))]
    public void GoldenPlanOverExamples(string format, string golden)
    {
        var (exit, stdout, stderr) = CliRunner.Run("plan", "examples/maps", "examples/metadata", "examples/connection-set.json", "examples/project.json", "examples/business-central", "--format", format);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        string path = Path.Combine(CliRunner.Root, "tests", "MapLint.Cli.Tests", "golden", golden);
        if (Environment.GetEnvironmentVariable("MAPLINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path + ".tmp", stdout);
            File.Move(path + ".tmp", path, overwrite: true);
        }

        Assert.Equal(File.ReadAllText(path), stdout);
    }

    [Fact]
    public void ExamplesPlanShowsTheSelfReferencesAndTheCycle()
    {
        var (_, stdout, _) = CliRunner.Run("plan", "examples/maps", "examples/metadata", "examples/connection-set.json", "examples/project.json", "examples/business-central");
        Assert.StartsWith("Initial-sync plan for 26 maps: 5 waves, then a second pass for 2 maps.\n", stdout, StringComparison.Ordinal);
        Assert.Contains("first pass without: msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber (self-reference)", stdout, StringComparison.Ordinal);
        Assert.Contains("primarycontactid.msdyn_contactpersonid (cycle with CDS Contacts V2 (contacts))", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingToPlanExitsWithTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("plan", "examples/metadata");
        Assert.Equal(2, exit);
        Assert.StartsWith("maplint: nothing to plan", stderr, StringComparison.Ordinal);
    }
}
