using System.Text;

namespace MapLint.Tests.Infrastructure;

/// <summary>Hostile or broken input gives a diagnostic with a position, never an exception.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("", "DIPV2000", 1, 1)]
    [InlineData("   \n  ", "DIPV2000", 1, 1)]
    [InlineData("{ \"kind\": \"tableMap\", \"name\": ", "DIPV2000", 1, 31)]
    [InlineData("{ \"kind\": \"tableMap\", \"name\": NaN }", "DIPV2000", 1, 31)]
    [InlineData("{ \"kind\": \"tableMap\", \"name\": 5, \"source\": {}, \"destination\": {}, \"mappings\": [] }", "DIPV2001", 1, 31)]
    [InlineData("{ \"kind\": \"tableMap\", \"kind\": \"x\" }", "DIPV2002", 1, 23)]
    // Found by the mutation fuzz test: the reader accepts a lone surrogate escape, then throws when asked for the string.
    [InlineData("{ \"kind\": \"tableMap\", \"name\": \"a\\uD800\" }", "DIPV2000", 1, 31)]
    [InlineData("{ \"kind\": \"tableMap\", \"\\uDC00x\": 1 }", "DIPV2000", 1, 23)]
    public void BrokenDocumentsGetAPositionedDiagnostic(string text, string id, int line, int column)
    {
        var result = Linter.Run([("bad.json", Encoding.UTF8.GetBytes(text))]);
        var first = result.Diagnostics.First(d => d.Id == id);
        Assert.Equal(id, first.Id);
        Assert.Equal(new Text.LinePosition(line, column), first.Location.LineSpan.Start);
    }

    [Fact]
    public void DeepNestingIsReportedNotOverflowed()
    {
        string text = new string('[', 100_000) + new string(']', 100_000);
        var diagnostic = Assert.Single(Linter.Run([("deep.json", Encoding.UTF8.GetBytes(text))]).Diagnostics);
        Assert.Equal("DIPV2000", diagnostic.Id);
        Assert.Contains("deeper than 128 levels", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new Text.LinePosition(1, 129), diagnostic.Location.LineSpan.Start);
    }

    [Fact]
    public void BinaryFileIsReported()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        Assert.Equal("DIPV2006", Assert.Single(Linter.Run([("blob.json", bytes)]).Diagnostics).Id);
    }

    [Fact]
    public void ValidJsonWithoutKindIsSkipped()
    {
        var result = Linter.Run([("package.json", Encoding.UTF8.GetBytes("{ \"name\": \"x\", \"version\": \"1.0.0\" }")), ("list.json", Encoding.UTF8.GetBytes("[1, 2]"))]);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(0, result.DocumentCount);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAccepted() =>
        RuleVerifier.Verify(("case/map.json", Fixture.CustomersMap.Replace("\"kind\": \"tableMap\",", "// a comment\n  \"kind\": \"tableMap\", /* another */", StringComparison.Ordinal).Replace("\"msdyn_customergroupid.msdyn_groupid\" }", "\"msdyn_customergroupid.msdyn_groupid\" },", StringComparison.Ordinal)));

    [Fact]
    public void OutputIsTheSameWhateverTheOrder()
    {
        var docs = Fixture.Documents.Select(d => (d.Path, Encoding.UTF8.GetBytes(d.Text))).Append(("case/map.json", Encoding.UTF8.GetBytes(Fixture.CustomersMap.Replace("accountnumber", "acountnumber", StringComparison.Ordinal)))).ToList();
        string Render(IReadOnlyList<(string, byte[])> input) => string.Join("\n", Linter.Run(input).Diagnostics.Select(d => d.ToString()));
        string forward = Render(docs);
        docs.Reverse();
        Assert.Equal(forward, Render(docs));
        Assert.NotEmpty(forward);
    }
}
