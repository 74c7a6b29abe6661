using MapLint.Analysis;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;
using MapLint.Documents;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2503: a Dependency Filter names a mapping that neither the repository nor the base application defines.</summary>
public sealed class DIPV2503DependencyFilterUnknownMapping : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2503",
        "Dependency Filter names an unknown mapping",
        "The Dependency Filter of mapping '{0}' names '{1}', which no integration table mapping of the repository or the base application is called; the dependency is never waited for.{2}",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        var app = context.App;
        var known = app.TableMappings.Select(m => m.Key).Concat(BaseApplication.DefaultMappings.Keys).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.Ordinal).ToList();
        foreach (var mapping in app.TableMappings)
        {
            foreach (var (name, filter) in mapping.Dependencies)
            {
                if (!app.IsKnownMapping(name))
                {
                    context.Report(Descriptor, filter.Location, mapping.Name.Value, name, NameSuggester.Hint(NameSuggester.Suggest(name, known)));
                }
            }
        }
    });
}
