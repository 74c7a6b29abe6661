using System.Text.Json;

namespace MapLint.Cli.Tests;

/// <summary>
/// `maplint plan` over a tree holding the same maps as MapLint documents and as the service's records of several
/// deployments (examples/: the documents, examples/service's Web API export, unpacked solution and project): one
/// plan per deployment, each with its maps once, through the real CLI.
/// </summary>
public class PlanDeploymentTests
{
    private static List<List<string>> Waves(JsonElement plan) =>
        plan.GetProperty("waves").EnumerateArray().Select(w => w.GetProperty("maps").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList()).ToList();

    [Fact]
    public void ExamplesTree_OnePlanPerDeployment_TheExportAndTheSolutionPlannedAsTheDocumentsAre()
    {
        var (exit, stdout, stderr) = CliRunner.Run("plan", "examples/", "--format", "json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var deployments = json.RootElement.GetProperty("deployments").EnumerateArray().ToDictionary(d => d.GetProperty("deployment").GetString()!, d => d);
        Assert.Equal(["MapLint documents", "examples/service/project.json", "examples/service/solution", "examples/service/webapi"], deployments.Keys.ToList());

        foreach (var (name, plan) in deployments)
        {
            var maps = Waves(plan).SelectMany(w => w).ToList();
            Assert.True(maps.Count == maps.Distinct(StringComparer.Ordinal).Count(), $"{name} plans a map twice: {string.Join(", ", maps)}");
        }

        // The export and the solution hold the examples' maps: the same waves, wave by wave.
        var documents = Waves(deployments["MapLint documents"]);
        Assert.Equal(26, documents.Sum(w => w.Count));
        Assert.Equal(documents, Waves(deployments["examples/service/webapi"]));
        Assert.Equal(documents, Waves(deployments["examples/service/solution"]));
    }

    [Fact]
    public void ExamplesTree_TextNamesEachDeploymentAndPlansItOnItsOwn()
    {
        var (exit, stdout, stderr) = CliRunner.Run("plan", "examples/");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("The maps belong to 4 deployments", stdout, StringComparison.Ordinal);
        Assert.Contains("\nDeployment examples/service/webapi\nInitial-sync plan for 26 maps: 5 waves, then a second pass for 2 maps.\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\nDeployment MapLint documents\nInitial-sync plan for 26 maps:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ADrawingOfSeveralDeployments_IsAUsageErrorNamingThem_OneDeploymentDraws()
    {
        var (exit, stdout, stderr) = CliRunner.Run("plan", "examples/", "--format", "dot");
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("4 deployments (MapLint documents, examples/service/project.json, examples/service/solution, examples/service/webapi)", stderr, StringComparison.Ordinal);

        var (one, drawing, oneErr) = CliRunner.Run("plan", "examples/service/webapi", "examples/metadata", "--format", "mermaid");
        Assert.True(one == 0, oneErr);
        Assert.Contains("Customers V3 (accounts)", drawing, StringComparison.Ordinal);
    }

    [Fact]
    public void OneDeployment_KeepsThePlansShape()
    {
        var (exit, stdout, stderr) = CliRunner.Run("plan", "examples/service/webapi", "examples/metadata", "--format", "json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.TryGetProperty("deployments", out _));
        Assert.Equal(26, Waves(json.RootElement).Sum(w => w.Count));
    }
}
