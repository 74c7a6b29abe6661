using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2514: a mapping name longer than its Code[20] field: inserting the mapping fails at run time.</summary>
public sealed class DIPV2514MappingNameTooLong : Analyzer
{
    public const int MaxLength = 20;

    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2514",
        "Mapping name longer than 20 characters",
        "Mapping name '{0}' has {1} characters, but the Name of an integration table mapping is Code[20], so creating it fails at run time; shorten it to 20 characters or fewer.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var mapping in context.App.TableMappings)
        {
            if (mapping.Name.Value.Length > MaxLength)
            {
                context.Report(Descriptor, mapping.Name.Location, mapping.Name.Value, mapping.Name.Value.Length);
            }
        }
    });
}
