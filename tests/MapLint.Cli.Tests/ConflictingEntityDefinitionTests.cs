using System.Text.Json.Nodes;

namespace MapLint.Cli.Tests;

/// <summary>
/// Two metadata files that define one entity differently, through the real CLI: a stale copy of the examples'
/// Dataverse metadata (examples/metadata/dataverse.json) whose `account` says `name` holds 50 characters, as an
/// export taken before the column was widened would. Before issue 16 there was no finding, and the first file by
/// path won: DIPV1030 (ORGANIZATIONNAME, 100 characters, into `name`) appeared or not depending on the stale
/// file's name. Now DIPV2014 is reported at both definitions and the findings do not depend on the names.
/// </summary>
public sealed class ConflictingEntityDefinitionTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-conflict-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    private static string StaleAccount()
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(CliRunner.Root, "examples", "metadata", "dataverse.json")))!.AsObject();
        var account = original["entities"]!["account"]!.DeepClone().AsObject();
        account["fields"]!["name"]!["maxLength"] = 50;
        var stale = new JsonObject
        {
            ["kind"] = "entityMetadata",
            ["name"] = "Dataverse (export of March)",
            ["app"] = "dataverse",
            ["entities"] = new JsonObject { ["account"] = account },
        };
        return stale.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>The findings of a workspace holding the stale copy under <paramref name="staleName"/>, with that name replaced by STALE.</summary>
    private string CheckWithStaleCopyNamed(string staleName)
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, staleName.Replace('.', '_'))).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "metadata"));
        File.Copy(Path.Combine(CliRunner.Root, "examples", "maps", "customers.json"), Path.Combine(folder, "customers.json"));
        File.Copy(Path.Combine(CliRunner.Root, "examples", "connection-set.json"), Path.Combine(folder, "connection-set.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "metadata")))
        {
            File.Copy(file, Path.Combine(folder, "metadata", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "metadata", staleName), StaleAccount());
        var result = CliRunner.RunIn(folder, "check", ".", "--show-source", "never");
        HostileRepositoryTests.AssertNoCrash(result.Stdout + result.Stderr);
        return result.Stdout.Replace(staleName, "STALE", StringComparison.Ordinal);
    }

    private static string PositionOfAccount(string text)
    {
        int at = text.IndexOf("\"account\": {", StringComparison.Ordinal);
        Assert.True(at >= 0);
        int line = text[..at].Count(c => c == '\n') + 1;
        int column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return $"({line},{column})";
    }

    [Fact]
    public void BothDefinitionsAreReportedAndRenamingTheStaleFileChangesNothing()
    {
        // "aaa-…" sorts before dataverse.json, "zzz-…" after it: the old first-by-path join flipped between them.
        string before = CheckWithStaleCopyNamed("aaa-dataverse-march.json");
        string after = CheckWithStaleCopyNamed("zzz-dataverse-march.json");

        string original = File.ReadAllText(Path.Combine(CliRunner.Root, "examples", "metadata", "dataverse.json"));
        Assert.Contains(
            $"metadata/dataverse.json{PositionOfAccount(original)}: warning DIPV2014: Entity 'account' is also defined in 'metadata/STALE', differently: maxLength of 'name' is 100 here, 50 there. Keep one definition: delete the stale file or export it again.",
            before,
            StringComparison.Ordinal);
        Assert.Contains(
            $"metadata/STALE{PositionOfAccount(StaleAccount())}: warning DIPV2014: Entity 'account' is also defined in 'metadata/dataverse.json', differently: maxLength of 'name' is 50 here, 100 there.",
            before,
            StringComparison.Ordinal);

        // Same findings, same order of the other files, whatever the stale copy is called (its own lines aside,
        // whose place in the sorted report moves with its name).
        static List<string> Others(string output) => output.Split('\n').Where(l => !l.StartsWith("metadata/STALE", StringComparison.Ordinal)).ToList();
        static List<string> Stale(string output) => output.Split('\n').Where(l => l.StartsWith("metadata/STALE", StringComparison.Ordinal)).ToList();
        Assert.Equal(Others(before), Others(after));
        Assert.Equal(Stale(before), Stale(after));
    }

    [Fact]
    public void TheSameDefinitionTwiceIsNoFinding()
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, "same")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "metadata")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.Copy(file, Path.Combine(folder, "copy-" + Path.GetFileName(file)));
        }

        var result = CliRunner.RunIn(folder, "check", ".", "--show-source", "never");
        Assert.DoesNotContain("DIPV2014", result.Stdout, StringComparison.Ordinal);
    }
}
