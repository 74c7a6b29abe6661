using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2509: Not Null and Clear Value on Failed Sync on one field mapping; table 5336 allows only one of them.</summary>
public sealed class DIPV2509NotNullWithClearValue : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2509",
        "Not Null together with Clear Value on Failed Sync",
        "This field mapping sets both Not Null and Clear Value on Failed Sync, which exclude each other (the first keeps a value, the second clears it); keep one.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var (_, _, _, fields) in BusinessCentralChecks.Groups(context.App))
        {
            foreach (var field in fields)
            {
                if (field.NotNull is { } notNull && field.ClearValueOnFailedSync is { } clear)
                {
                    // At the one set second: that is the assignment table 5336 would refuse.
                    var later = clear.File == notNull.File && clear.Span.Start > notNull.Span.Start ? clear : notNull;
                    context.Report(Descriptor, later);
                }
            }
        }
    });
}
