using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// The per-file findings cap (DIPV2013) through the real CLI, now that findings past it are counted instead of
/// created: suppressions on mappings past the cap still count as used and still take their findings out of the
/// summary's severity, and the summary sits at the first finding left out. A generated map, broken the way a
/// generator that forgot every `source` breaks one (DIPV1021 on each mapping).
/// </summary>
public sealed class FindingsCapCliTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-cap-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    /// <summary>A map of <paramref name="count"/> mappings without a source; those <paramref name="suppressed"/> says carry a DIPV1021 suppression.</summary>
    private static string Map(int count, Func<int, bool> suppressed)
    {
        var text = new StringBuilder("{\n  \"kind\": \"tableMap\",\n  \"name\": \"Generated\",\n  \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"CustomersV3\" },\n  \"destination\": { \"app\": \"dataverse\", \"entity\": \"account\" },\n  \"mappings\": [\n");
        for (int i = 0; i < count; i++)
        {
            string suppression = suppressed(i) ? ", \"suppressions\": [{ \"rule\": \"DIPV1021\", \"justification\": \"filled in by the import job\" }]" : string.Empty;
            text.Append(i == 0 ? string.Empty : ",\n").Append($"    {{ \"direction\": \"=\", \"destination\": \"f{i}\"{suppression} }}");
        }

        return text.Append("\n  ]\n}\n").ToString();
    }

    private string Check(string map, params string[] options)
    {
        string folder = Directory.CreateDirectory(Path.Combine(temp, Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, "map.json"), map);
        var result = CliRunner.RunIn(folder, ["check", "map.json", "--show-source", "never", .. options]);
        HostileRepositoryTests.AssertNoCrash(result.Stdout + result.Stderr);
        return result.Stdout;
    }

    [Fact]
    public void ASuppressionPastTheCapIsUsedAndTheSummaryKeepsTheOthersSeverity()
    {
        string output = Check(Map(1_200, i => i == 1_100));
        Assert.DoesNotContain("DIPV2009", output, StringComparison.Ordinal);
        Assert.Equal(1_000, Regex.Matches(output, "error DIPV1021").Count);

        // The first left out is mapping 1,000 (line 7 + 1,000, at its destination), and the summary counts the suppressed one too.
        Assert.Contains("map.json(1007,40): error DIPV2013: ...and 200 more of DIPV1021 in this file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenEveryFindingPastTheCapIsSuppressedTheSummaryIsInfo()
    {
        string output = Check(Map(1_200, i => i >= 1_000));
        Assert.DoesNotContain("DIPV2009", output, StringComparison.Ordinal);
        Assert.Contains("map.json(1007,40): info DIPV2013: ...and 200 more of DIPV1021 in this file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportIsTheSameTwiceAndInEveryFormatTheSummaryIsThere()
    {
        string map = Map(3_000, _ => false);
        string json = Check(map, "--format", "json");
        Assert.Equal(json, Check(map, "--format", "json"));
        Assert.Contains("...and 2,000 more of DIPV1021 in this file", json, StringComparison.Ordinal);
        Assert.Equal(1_000, Regex.Matches(json, "\"id\": ?\"DIPV1021\"").Count);
    }
}
