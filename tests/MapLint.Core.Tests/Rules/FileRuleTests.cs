using System.Text;
using MapLint.Workspace;

namespace MapLint.Tests.Rules;

/// <summary>Tests of the rules about the file itself: DIPV2004 (unreadable), DIPV2005 (too large), DIPV2006 (encoding).</summary>
public class FileRuleTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("maplint-files-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void DIPV2004_Fires_FileDeletedBeforeRead()
    {
        var file = new WorkspaceFile(Path.Combine(folder, "gone.json"), "gone.json");
        var diagnostic = Assert.Single(Linter.Run([file]).Diagnostics);
        Assert.Equal("DIPV2004", diagnostic.Id);
        Assert.Equal("The file cannot be read: it no longer exists", diagnostic.Message);
        Assert.Equal(1, diagnostic.Location.LineSpan.Start.Line);
    }

    [Fact]
    public void DIPV2004_Silent_FileExists()
    {
        string path = Path.Combine(folder, "ok.json");
        File.WriteAllText(path, "{ \"not\": \"a map\" }");
        Assert.Empty(Linter.Run([new WorkspaceFile(path, "ok.json")]).Diagnostics);
    }

    [Fact]
    public void DIPV2005_Fires_OverTheSizeLimit()
    {
        string path = Path.Combine(folder, "big.json");
        File.WriteAllText(path, "{ \"kind\": \"tableMap\" }" + new string(' ', 2 * 1024 * 1024));
        var diagnostic = Assert.Single(Linter.Run([new WorkspaceFile(path, "big.json")], new LintOptions { MaxFileBytes = 1024 * 1024 }).Diagnostics);
        Assert.Equal("DIPV2005", diagnostic.Id);
        Assert.Equal("The file is 2 MB, over MapLint's limit of 1 MB per document; split it into smaller documents.", diagnostic.Message);
    }

    [Fact]
    public void DIPV2005_Silent_UnderTheLimit()
    {
        string path = Path.Combine(folder, "small.json");
        File.WriteAllText(path, "{ }");
        Assert.Empty(Linter.Run([new WorkspaceFile(path, "small.json")], new LintOptions { MaxFileBytes = 1024 }).Diagnostics);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x6B, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D }, 6, "not valid UTF-8")]
    [InlineData(new byte[] { 0x7B, 0x00, 0x7D, 0x00 }, 1, "NUL bytes")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00 }, 0, "UTF-32")]
    public void DIPV2006_Fires_NotUtf8(byte[] content, int offset, string message)
    {
        var diagnostic = Assert.Single(Linter.Run([("bad.json", content)]).Diagnostics);
        Assert.Equal("DIPV2006", diagnostic.Id);
        Assert.Equal(offset, diagnostic.Location.Span.Start);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DIPV2006_Silent_Utf16WithByteOrderMarkIsRead()
    {
        var text = "{ \"kind\": \"tablemap\" }";
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var diagnostic = Assert.Single(Linter.Run([("utf16.json", bytes)]).Diagnostics);
        Assert.Equal("DIPV2003", diagnostic.Id);
        Assert.Equal(new Text.LinePosition(1, 11), diagnostic.Location.LineSpan.Start);
    }
}
