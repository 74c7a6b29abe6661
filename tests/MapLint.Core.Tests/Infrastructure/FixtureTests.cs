namespace MapLint.Tests.Infrastructure;

public class FixtureTests
{
    [Fact]
    public void FixtureAndBaseMapAreClean() =>
        RuleVerifier.Verify(("case/map.json", Fixture.CustomersMap));

    [Fact]
    public void MarkupIsStrippedAndSpansRecorded()
    {
        var (text, marks) = RuleVerifier.Parse("a {|X1:\"b\"|} c");
        Assert.Equal("a \"b\" c", text);
        Assert.Equal(("X1", 2, 5), Assert.Single(marks));
    }
}
