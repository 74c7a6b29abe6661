using MapLint.Diagnostics;

namespace MapLint.Analysis;

/// <summary>Descriptors the engine itself reports when an analyzer throws (the service's own codes for this).</summary>
public static class EngineRules
{
    public static readonly DiagnosticDescriptor TableMapAnalyzerException = DiagnosticDescriptor.Create(
        "DIPV1001",
        "Exception while validating a table map",
        "Analyzer '{0}' failed on this table map ({1} {2}); the other rules still ran. Please report this with the file.",
        RuleCategory.Internal,
        Severity.Error);

    public static readonly DiagnosticDescriptor ProjectAnalyzerException = DiagnosticDescriptor.Create(
        "DIPV1006",
        "Exception while validating a project or connection set",
        "Analyzer '{0}' failed on this {1} ({2} {3}); the other rules still ran. Please report this with the file.",
        RuleCategory.Internal,
        Severity.Error);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [TableMapAnalyzerException, ProjectAnalyzerException];

    /// <summary>
    /// Where an analyzer threw (the method), never the exception's text, which may quote the document. Read from the
    /// stack trace's first frame: Exception.TargetSite needs reflection metadata the native build trims away.
    /// </summary>
    public static string Where(Exception ex)
    {
        string? frame = ex.StackTrace?.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("at ", StringComparison.Ordinal));
        if (frame is not null)
        {
            int open = frame.IndexOf('(');
            string qualified = open > 3 ? frame.Substring(3, open - 3) : frame.Substring(3);
            int dot = qualified.LastIndexOf('.');
            string name = dot >= 0 ? qualified.Substring(dot + 1) : qualified;
            if (name.Length > 0)
            {
                return "in " + name;
            }
        }

        return "in an unknown method";
    }
}
