using System.Text;
using MapLint.Text;

namespace MapLint.Tests.Infrastructure;

/// <summary>Released text (large runs let the bytes of checked files go) still gives positions and source lines.</summary>
public class SourceTextTests
{
    private const string Json = "{\n  \"kind\": \"tableMap\",\r\n  \"name\": \"Customers\"\n}\n";

    [Fact]
    public void ReleasedAsciiTextKeepsPositionsAndReadsLinesAgain()
    {
        var text = SourceText.From(Json);
        var before = text.GetLinePosition(Json.IndexOf("Customers", StringComparison.Ordinal));
        int reads = 0;

        Assert.True(text.Release(() => { reads++; return Encoding.UTF8.GetBytes(Json); }));
        Assert.Equal(before, text.GetLinePosition(Json.IndexOf("Customers", StringComparison.Ordinal)));
        Assert.Equal(0, reads);
        Assert.Equal("  \"kind\": \"tableMap\",", text.GetLineText(1));
        Assert.Equal(1, reads);
    }

    [Fact]
    public void TextThatIsNotAsciiKeepsItsBytes()
    {
        var text = SourceText.From("{ \"name\": \"Société\" }");
        Assert.False(text.Release(() => throw new InvalidOperationException("must not be read again")));
        Assert.Equal(new LinePosition(1, 19), text.GetLinePosition(Encoding.UTF8.GetByteCount("{ \"name\": \"Société")));
    }

    [Fact]
    public void AFileChangedSinceTheCheckGivesBlankLinesNotWrongOnes()
    {
        var text = SourceText.From(Json);
        text.Release(() => Encoding.UTF8.GetBytes("{}"));
        Assert.Equal(string.Empty, text.GetLineText(1).Trim());
        Assert.Equal(new LinePosition(3, 3), text.GetLinePosition(Json.IndexOf("\"name\"", StringComparison.Ordinal)));
    }
}
