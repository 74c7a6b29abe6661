using System.Text;
using System.Text.Json.Nodes;

namespace MapLint.Cli.Tests;

/// <summary>
/// Dual-write's limits on linked legal entities (DIPV2301 over 40 for initial sync, DIPV2302 over 250 for live sync)
/// through the real CLI, on the service's own connection set document and on a MapLint connection set, each reported
/// at the first legal entity over the limit. The service document's shape is microsoft/Dual-write-automations
/// DWLibary/Struct/DWConnectionSet.cs (commit 58eb142446b3), as in examples/service/connection-set.json; the legal
/// entity codes are made up. Before issue 16 no rule counted them, so each firing case failed.
/// </summary>
public sealed class RunLimitTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-limits-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    /// <summary>The service's connection set with <paramref name="count"/> legal entities, each in both lists the service keeps.</summary>
    private static string ServiceConnectionSet(int count)
    {
        var partitions = new JsonArray();
        var pairs = new JsonArray();
        for (int i = 1; i <= count; i++)
        {
            string code = $"LE{i:D3}";
            partitions.Add(new JsonObject { ["firstPartitionEnvName"] = "contoso-fo", ["firstPartition"] = code, ["secondPartitionEnvName"] = "contoso-dataverse", ["secondPartition"] = code });
            pairs.Add(new JsonObject { ["left"] = new JsonObject { ["name"] = code, ["id"] = code }, ["right"] = new JsonObject { ["name"] = code, ["id"] = code } });
        }

        var root = new JsonObject
        {
            ["name"] = "contoso-dualwrite",
            ["forDualWrite"] = true,
            ["environments"] = new JsonObject
            {
                ["contoso-fo"] = new JsonObject { ["name"] = "contoso-fo", ["targetType"] = "AX", ["directUrl"] = "https://contoso.operations.dynamics.com" },
                ["contoso-dataverse"] = new JsonObject { ["name"] = "contoso-dataverse", ["targetType"] = "CRM", ["directUrl"] = "https://contoso.crm.dynamics.com" },
            },
            ["dataPartitionMappings"] = partitions,
            ["dualWriteDetail"] = new JsonObject { ["legalEntityMappings"] = new JsonObject { ["leftEnvironment"] = "contoso-fo", ["rightEnvironment"] = "contoso-dataverse", ["mappings"] = pairs } },
        };
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string MapLintConnectionSet(int count)
    {
        var text = new StringBuilder("{\n  \"kind\": \"connectionSet\",\n  \"name\": \"Contoso\",\n  \"environments\": [\n");
        text.Append("    { \"name\": \"fo\", \"app\": \"financeAndOperations\", \"url\": \"https://contoso.operations.dynamics.com\" },\n");
        text.Append("    { \"name\": \"dv\", \"app\": \"dataverse\", \"url\": \"https://contoso.crm.dynamics.com\" }\n  ],\n  \"organizationMappings\": [\n");
        text.Append(string.Join(",\n", Enumerable.Range(1, count).Select(i => $"    {{ \"legalEntity\": \"LE{i:D3}\", \"businessUnit\": \"BU{i:D3}\" }}")));
        text.Append("\n  ]\n}\n");
        return text.ToString();
    }

    /// <summary>The line and column of the first occurrence of a quoted value, as MapLint reports them.</summary>
    private static string PositionOf(string text, string value)
    {
        int at = text.IndexOf("\"" + value + "\"", StringComparison.Ordinal);
        Assert.True(at >= 0, value);
        int line = text[..at].Count(c => c == '\n') + 1;
        int column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return $"({line},{column})";
    }

    private (int Exit, string Stdout) Check(string name, string text)
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, name), text);
        var result = CliRunner.RunIn(folder, "check", ".", "--show-source", "never");
        HostileRepositoryTests.AssertNoCrash(result.Stdout + result.Stderr);
        return (result.ExitCode, result.Stdout);
    }

    [Fact]
    public void FortyOneLegalEntitiesInTheServicesConnectionSetAreReportedAtTheFortyFirst()
    {
        string text = ServiceConnectionSet(41);
        var (exit, stdout) = Check("connection-set.json", text);
        Assert.Equal(0, exit); // a warning: live sync still works
        Assert.Contains(
            $"connection-set.json{PositionOf(text, "LE041")}: warning DIPV2301: Connection set 'contoso-dualwrite' links 41 legal entities, but dual-write's initial sync supports at most 40; 'LE041' is the first over the limit.",
            stdout,
            StringComparison.Ordinal);
        Assert.Single(stdout.Split('\n'), l => l.Contains("DIPV23", StringComparison.Ordinal));
    }

    [Fact]
    public void FortyLegalEntitiesAreWithinTheLimit()
    {
        var (exit, stdout) = Check("connection-set.json", ServiceConnectionSet(40));
        Assert.Equal(0, exit);
        Assert.DoesNotContain("DIPV230", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OverTwoHundredFiftyIsALiveSyncErrorAndNotAlsoTheInitialSyncWarning()
    {
        string text = MapLintConnectionSet(251);
        var (exit, stdout) = Check("connection-set.json", text);
        Assert.Equal(1, exit);
        Assert.Contains(
            $"connection-set.json{PositionOf(text, "LE251")}: error DIPV2302: Connection set 'Contoso' links 251 legal entities, but dual-write's live sync supports at most 250; 'LE251' is the first over the limit.",
            stdout,
            StringComparison.Ordinal);
        Assert.DoesNotContain("DIPV2301", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ALegalEntityMappedTwiceCountsOnce()
    {
        // 40 legal entities, one of them mapped to a second business unit: 41 mappings, 40 legal entities.
        string text = MapLintConnectionSet(40).Replace("\n  ]\n}", ",\n    { \"legalEntity\": \"le001\", \"businessUnit\": \"BU041\" }\n  ]\n}", StringComparison.Ordinal);
        var (_, stdout) = Check("connection-set.json", text);
        Assert.DoesNotContain("DIPV230", stdout, StringComparison.Ordinal);
    }
}
