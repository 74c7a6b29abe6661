namespace MapLint.Cli.Tests;

public class MetadataCommandTests : IDisposable
{
    private const string Fixtures = "tests/MapLint.Core.Tests/Metadata/Fixtures";

    private readonly string temp = Directory.CreateTempSubdirectory("maplint-import-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    private static string Golden(string name) => Path.Combine(CliRunner.Root, "tests", "MapLint.Cli.Tests", "golden", "import", name);

    /// <summary>Imports both formats; the documents and the report are compared with golden files (scripts/update-golden.sh).</summary>
    [Fact]
    public void ImportWritesSortedEntityMetadataDocuments()
    {
        var (exit, stdout, stderr) = CliRunner.Run(
            "metadata", "import",
            "--dataverse", $"{Fixtures}/dataverse-entities.json", $"{Fixtures}/dataverse-company.json",
            "--fo", $"{Fixtures}/fo-metadata.xml",
            "--cross-company-data-sharing", "LegalEntities",
            "--output", temp);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var outputs = new[] { ("dataverse.json", File.ReadAllText(Path.Combine(temp, "dataverse.json"))), ("finance-and-operations.json", File.ReadAllText(Path.Combine(temp, "finance-and-operations.json"))), ("report.txt", stdout.Replace(temp, "OUT")) };
        foreach (var (name, text) in outputs)
        {
            if (Environment.GetEnvironmentVariable("MAPLINT_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Golden(name))!);
                File.WriteAllText(Golden(name), text);
            }

            Assert.Equal(File.ReadAllText(Golden(name)), text);
        }
    }

    [Fact]
    public void ImportedDocumentsAreValidMapLintDocuments()
    {
        CliRunner.Run("metadata", "import", "--dataverse", $"{Fixtures}/dataverse-entities.json", "--fo", $"{Fixtures}/fo-metadata.xml", "--output", temp);
        File.WriteAllText(Path.Combine(temp, "map.json"), """
            { "kind": "tableMap", "name": "Customer groups",
              "source": { "app": "financeAndOperations", "entity": "CustomerGroups" },
              "destination": { "app": "dataverse", "entity": "msdyn_customergroup" },
              "mappings": [
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_groupid" },
                { "source": "DESCRIPTION", "direction": "=", "destination": "msdyn_descriptin" } ] }
            """);
        var (exit, stdout, _) = CliRunner.RunIn(temp, "check", ".", "--show-source", "never");
        Assert.Equal(1, exit);
        Assert.StartsWith("map.json(6,65): error DIPV1025: Field 'msdyn_descriptin' does not exist in Dataverse entity 'msdyn_customergroup'. Did you mean 'msdyn_description'?", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportNeedsAnExport()
    {
        var (exit, _, stderr) = CliRunner.Run("metadata", "import", "--output", temp);
        Assert.Equal(2, exit);
        Assert.Equal("maplint: give at least one --dataverse or --fo export\n", stderr);
        Assert.Equal(2, CliRunner.Run("metadata", "import", "--fo", "missing.xml", "--output", temp).ExitCode);
    }
}
