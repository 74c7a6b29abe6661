using System.Text.Json;
using System.Text.RegularExpressions;

namespace MapLint.Cli.Tests;

/// <summary>
/// Planted credentials and injection names through the real CLI, in every output: the four check formats with
/// and without source lines, the written baseline and report, and the four plan formats. No planted secret comes
/// out anywhere; a name holding a newline, an ESC sequence, an Azure DevOps logging command or a GitHub workflow
/// command cannot forge a finding or a command, or reach the terminal. (Before issue 16 the text format printed
/// names raw, DIPV2000 quoted the rest of the file after a typo'd literal, DIPV1005 printed whole URLs and
/// --show-source printed secret properties.)
/// </summary>
public sealed class SecretsAndInjectionTests : IDisposable
{
    private static readonly string[] Secrets = ["PlantedUrlPassword1", "PlantedSigValue2", "PlantedClientSecret3", "PlantedNamePassword4", "PlantedAfterTypo5", "PlantedBearer6xyzabcdef"];

    private const string Injected = "Customers\nforged.json(1,1): error DIPV9999: forged finding\n##vso[task.setvariable variable=evil]1 \u001b[31mred\u001b[0m \u202Eevil ##[error]x";

    private readonly string repo = Directory.CreateTempSubdirectory("maplint-secrets-").FullName;

    public SecretsAndInjectionTests()
    {
        CliRunner.RunProcess("git", ["init", "-q", "."], repo);
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004")))
        {
            File.Copy(file, Path.Combine(repo, Path.GetFileName(file)));
        }

        // The map is named with an injection and a URL carrying a password; it still has its DIPV1004.
        string map = Path.Combine(repo, "map.json");
        File.WriteAllText(map, File.ReadAllText(map).Replace("\"name\": \"Customers\"", "\"name\": " + JsonSerializer.Serialize(Injected + " https://svc:PlantedNamePassword4@contoso.example"), StringComparison.Ordinal));

        // A connection set with a password and a SAS signature in a URL, a stored client secret and a bearer token.
        File.WriteAllText(Path.Combine(repo, "secrets.json"), """
            { "kind": "connectionSet", "name": "Planted",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "ftp://svc:PlantedUrlPassword1@contoso.operations.dynamics.com/?sig=PlantedSigValue2" },
                { "name": "::error file=x::forged", "app": "dataverse", "url": "https://contoso.crm.dynamics.com", "authorization": "Bearer PlantedBearer6xyzabcdef" }
              ],
              "clientSecret": "PlantedClientSecret3" }
            """);

        // A typo'd literal before a secret: the parser's own message would quote the rest of the file.
        File.WriteAllText(Path.Combine(repo, "typo.json"), "{ \"kind\": \"tableMap\", \"name\": tru, \"password\": \"PlantedAfterTypo5\" }\n");
    }

    public void Dispose() => Directory.Delete(repo, true);

    private static void AssertClean(string output, string what)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"{what} prints the planted secret {secret}:\n{output}");
        }

        Assert.False(output.Contains('\u001b'), $"{what} lets an ESC through");
        Assert.False(output.Contains('\u202E'), $"{what} lets a bidirectional override through");
        Assert.False(output.Contains("##vso[", StringComparison.Ordinal), $"{what} lets an Azure DevOps logging command through");
        Assert.False(output.Contains("##[error]", StringComparison.Ordinal), $"{what} lets an Azure DevOps formatting command through");
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "always")]
    [InlineData("text", "never")]
    [InlineData("json", "never")]
    [InlineData("sarif", "never")]
    [InlineData("github", "never")]
    public void CheckOutputCarriesNoSecretAndNoInjection(string format, string showSource)
    {
        var (exit, stdout, stderr) = CliRunner.RunIn(repo, "check", ".", "--format", format, "--show-source", showSource);
        Assert.Equal(1, exit);
        AssertClean(stdout + stderr, $"check --format {format} --show-source {showSource}");
        Assert.Contains("DIPV2300", stdout, StringComparison.Ordinal);
        Assert.Contains("DIPV1004", stdout, StringComparison.Ordinal);

        if (format == "text")
        {
            // Every line is a finding at a file of the repository, a source line, an info line or the summary:
            // nothing forged, and no line that starts like a workflow command.
            Assert.DoesNotMatch(new Regex(@"^forged\.json", RegexOptions.Multiline), stdout);
            Assert.DoesNotMatch(new Regex("^::", RegexOptions.Multiline), stdout);
            Assert.Matches(new Regex(@"^map\.json\(\d+,\d+\): error DIPV1004: .*Customers\\nforged\.json", RegexOptions.Multiline), stdout);
        }

        if (format == "github")
        {
            // One workflow command per finding, then the summary: a name cannot start a line of its own.
            var lines = stdout.TrimEnd('\n').Split('\n');
            Assert.All(lines[..^1], l => Assert.Matches("^::(error|warning|notice) file=", l));
        }

        if (format is "json" or "sarif")
        {
            // Still well-formed, and the name decodes to what the file holds: the escaping is JSON's own.
            using var document = JsonDocument.Parse(stdout);
            Assert.Contains("##vso[task.setvariable", Regex.Unescape(stdout), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BaselineAndReportFilesCarryNoSecret()
    {
        var (exit, _, stderr) = CliRunner.RunIn(repo, "check", ".", "--baseline", "maplint.baseline.json", "--update-baseline", "--format", "sarif", "--output", "report.sarif");
        Assert.Equal(0, exit);
        AssertClean(stderr, "the baseline message");
        AssertClean(File.ReadAllText(Path.Combine(repo, "maplint.baseline.json")), "the baseline");
        AssertClean(File.ReadAllText(Path.Combine(repo, "report.sarif")), "the SARIF report");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("dot")]
    [InlineData("mermaid")]
    public void PlanOutputCarriesNoSecretAndNoInjection(string format)
    {
        var (exit, stdout, stderr) = CliRunner.RunIn(repo, "plan", ".", "--format", format);
        Assert.True(exit is 0 or 1, $"exit {exit}: {stderr}");
        AssertClean(stdout + stderr, $"plan --format {format}");
        Assert.Contains("Customers", stdout, StringComparison.Ordinal);
        if (format == "text")
        {
            Assert.DoesNotMatch(new Regex(@"^forged\.json", RegexOptions.Multiline), stdout);
        }
    }
}
