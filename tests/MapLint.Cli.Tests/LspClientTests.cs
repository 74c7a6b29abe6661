namespace MapLint.Cli.Tests;

/// <summary>
/// The server against a real LSP client: Microsoft's vscode-languageserver-protocol (the library under
/// vscode-languageclient) under Node, installed in tests/lsp-client by .ci/run (`npm ci`). The script opens a map,
/// edits it, checks the diagnostics and their ranges, applies the offered quick fix and sees the diagnostic go.
/// </summary>
public class LspClientTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-lsp-client-").FullName;

    public void Dispose() => Directory.Delete(temp, true);

    [SkippableFact]
    public void NodeLanguageClient_OpensEditsAndFixesAMap()
    {
        string client = Path.Combine(CliRunner.Root, "tests", "lsp-client");
        Skip.IfNot(CliRunner.OnPath("node"), "Node.js is not installed on this machine; .ci/run installs it where apt-get can");
        Skip.IfNot(Directory.Exists(Path.Combine(client, "node_modules", "vscode-languageserver-protocol")), "tests/lsp-client has no node_modules: run `npm ci` there (.ci/run does)");

        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.Root, "examples", "broken", "DIPV1004")))
        {
            File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
        }

        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string[] server = CliRunner.NativeCli is { } native
            ? [native]
            : ["dotnet", Path.Combine(CliRunner.Root, "src", "MapLint.Cli", "bin", configuration, "net10.0", "maplint.dll")];
        var (exit, output) = CliRunner.RunProcess("node", [Path.Combine(client, "client-test.js"), temp, .. server], client, timeoutSeconds: 180);
        Assert.True(exit == 0, output);
        Assert.Contains("lsp client test: passed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
    }
}
