using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2500; the rule's page is docs/rules/DIPV2500.md and its broken example examples/broken/DIPV2500/.</summary>
public class DIPV2500Tests
{
    [Fact]
    public void Fires_UnterminatedText()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("case/LabPublisher.Table.al", """
            table 50100 "Lab Publisher"
            {
                Caption = {|DIPV2500:'|}Lab Publisher;

                fields
                {
                    field(1; "Code"; Code[20]) { }
                }
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2500").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("This text is not closed: the quote (') has no closing quote on its line", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_UnterminatedText_Fixed() =>
        RuleVerifier.VerifyWithoutFixture(
            ("case/LabPublisher.Table.al", """
            table 50100 "Lab Publisher"
            {
                Caption = 'Lab Publisher';

                fields
                {
                    field(1; "Code"; Code[20]) { }
                }
            }
            """));
}
