namespace MapLint.Cli.Tests;

/// <summary>
/// Issue 12 through the real CLI process: a finance and operations $metadata in the shape of a real dump, read
/// through maplint.json "metadata" globs (before: an unhandled NullReferenceException and a stack trace), and
/// Microsoft's published templates checked as a folder (before: 13 errors, exit 1).
/// </summary>
public sealed class PublishedTemplatesCliTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("maplint-dump-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void ARealShapedDumpReadThroughMaplintJsonIsNoCrash()
    {
        string corpus = Path.Combine(CliRunner.Root, "tests", "MapLint.Core.Tests", "Corpus");
        Directory.CreateDirectory(Path.Combine(temp, "exports"));
        Directory.CreateDirectory(Path.Combine(temp, "maps"));
        File.Copy(Path.Combine(corpus, "fo-metadata", "fo-metadata.xml"), Path.Combine(temp, "exports", "fo-metadata.xml"));
        File.Copy(Path.Combine(corpus, "published-templates", "CustomersV3-accounts.json"), Path.Combine(temp, "maps", "customers.json"));
        File.WriteAllText(Path.Combine(temp, "maplint.json"), "{ \"metadata\": [\"exports/*.xml\"] }");

        var (exit, stdout, stderr) = CliRunner.RunIn(temp, "check", ".", "--show-source", "never");
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("DIPV2012", stdout, StringComparison.Ordinal);
        Assert.InRange(exit, 0, 1);
    }

    [Fact]
    public void ThePublishedTemplatesCheckWithoutErrors()
    {
        var (exit, stdout, stderr) = CliRunner.Run("check", "tests/MapLint.Core.Tests/Corpus/published-templates", "--show-source", "never");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("0 errors, 26 warnings in 100 files", stdout, StringComparison.Ordinal);
    }
}
