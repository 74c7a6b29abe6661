using System.Text.Json;

namespace MapLint.Cli.Tests;

/// <summary>
/// A Web API export whose maps name Dataverse tables by entity set (accounts), checked by the real CLI beside the
/// tables' EntityDefinitions export, beside the entityMetadata `maplint metadata import` writes from it, and as
/// the MapLint documents `maplint maps import` writes (cases/entity-sets, sources in its README).
/// </summary>
public class EntitySetNameCliTests : IDisposable
{
    private const string Cases = "tests/MapLint.Cli.Tests/cases/entity-sets";
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-entity-sets-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    /// <summary>The DIPV1020 findings of a JSON run: (file, line, column, message).</summary>
    private static List<(string File, int Line, int Column, string Message)> MissingTables(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("id").GetString() == "DIPV1020")
            .Select(d => (d.GetProperty("file").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("message").GetString()!))
            .ToList();
    }

    private static int ColumnOf(string text, string needle) => text.IndexOf(needle, StringComparison.Ordinal) + 1;

    [Fact]
    public void ExportBesideEntityDefinitions_OnlyTheSetNoMetadataStatesIsUnknown()
    {
        var (exit, stdout, stderr) = CliRunner.Run("check", Cases + "/export", Cases + "/metadata", "--format", "json");
        Assert.True(exit == 1, stderr);
        string page = File.ReadAllText(Path.Combine(CliRunner.Root, Cases, "export", "page-1.json"));
        var finding = Assert.Single(MissingTables(stdout));
        Assert.Equal((Cases + "/export/page-1.json", 1, ColumnOf(page, "\\\"contoso_children\\\"")), (finding.File, finding.Line, finding.Column));
        Assert.Contains("no entity 'contoso_children'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportBesideImportedMetadata_TheSameFinding()
    {
        string metadata = Path.Combine(temp, "metadata");
        var (importExit, _, importErr) = CliRunner.Run("metadata", "import", "--dataverse", Cases + "/metadata/entitydefinitions.json", "-o", metadata);
        Assert.True(importExit == 0, importErr);
        Assert.Contains("\"entitySetName\": \"contoso_fleet\"", File.ReadAllText(Path.Combine(metadata, "dataverse.json")), StringComparison.Ordinal);

        var (exit, stdout, stderr) = CliRunner.Run("check", Cases + "/export", metadata, "--format", "json");
        Assert.True(exit == 1, stderr);
        var finding = Assert.Single(MissingTables(stdout));
        Assert.EndsWith("Did you mean 'contoso_child'?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportWithoutMetadata_NoTableIsUnknown()
    {
        // Without Dataverse metadata the metadata rules do not run: nothing to resolve, nothing reported.
        var (exit, stdout, stderr) = CliRunner.Run("check", Cases + "/export", "--format", "json");
        Assert.True(exit == 0, stderr + stdout);
        Assert.Empty(MissingTables(stdout));
    }
}
