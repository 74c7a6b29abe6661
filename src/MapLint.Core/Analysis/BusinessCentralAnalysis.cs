using MapLint.BusinessCentral;
using MapLint.Diagnostics;
using MapLint.Semantics;
using MapLint.Util;

namespace MapLint.Analysis;

/// <summary>
/// Runs the Business Central rules once on the repository's AL model, after the JSON documents: the AL rules
/// span files (a codeunit's mappings, the tables they name, the proxy tables, Dataverse metadata), so they run on
/// the whole model rather than per file.
/// </summary>
internal static class BusinessCentralAnalysis
{
    public static void Run(BusinessCentralApp app, SemanticModel model, IEnumerable<(Analyzer Analyzer, AnalysisRegistration Registration)> registrations, Func<AlFile, DiagnosticBag> bagOf)
    {
        if (app.Files.Count == 0)
        {
            return;
        }

        foreach (var dynamic in app.Dynamic)
        {
            bagOf(dynamic.Site.File).Add(BusinessCentralRules.DynamicMapping, dynamic.Site.Span, null, dynamic.What, dynamic.Reason);
        }

        var context = new BusinessCentralAnalysisContext(model, app, bagOf);
        foreach (var (analyzer, registration) in registrations)
        {
            foreach (var action in registration.BusinessCentralActions)
            {
                try
                {
                    action(context);
                }
                catch (Exception ex)
                {
                    // One broken analyzer must not hide the others' findings: report it on the first AL file and go on.
                    var first = app.Files[0];
                    bagOf(first).Add(EngineRules.ProjectAnalyzerException, default, null, analyzer.Name, "Business Central code", ex.GetType().Name, EngineRules.Where(ex));
                }
            }
        }
    }

    /// <summary>The bag of each AL file, by reference.</summary>
    public static Func<AlFile, DiagnosticBag> Bags(AlFile?[] files, DiagnosticBag[] bags)
    {
        var map = new Dictionary<AlFile, DiagnosticBag>(ReferenceIdentity.Instance);
        for (int i = 0; i < files.Length; i++)
        {
            if (files[i] is { } file)
            {
                map[file] = bags[i];
            }
        }

        return file => map[file];
    }
}
