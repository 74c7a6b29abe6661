using MapLint.Diagnostics;

namespace MapLint.Build;

/// <summary>
/// Compiler-style warning handling for DIPV codes: NoWarn silences, TreatWarningsAsErrors and WarningsAsErrors
/// promote, WarningsNotAsErrors keeps a code a warning. MSBuild does not apply TreatWarningsAsErrors to task
/// warnings by itself, so the task applies all of them.
/// </summary>
internal sealed class WarningPolicy
{
    private readonly HashSet<string> noWarn;
    private readonly HashSet<string> asErrors;
    private readonly HashSet<string> notAsErrors;
    private readonly bool treatWarningsAsErrors;

    public WarningPolicy(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors)
    {
        this.noWarn = Codes(noWarn);
        asErrors = Codes(warningsAsErrors);
        notAsErrors = Codes(warningsNotAsErrors);
        this.treatWarningsAsErrors = treatWarningsAsErrors;
    }

    /// <summary>The severity to log with, or null to log nothing.</summary>
    public Severity? Apply(string code, Severity severity)
    {
        if (severity == Severity.Error)
        {
            return Severity.Error;
        }

        if (noWarn.Contains(code))
        {
            return null;
        }

        if (severity == Severity.Warning && (asErrors.Contains(code) || (treatWarningsAsErrors && !notAsErrors.Contains(code))))
        {
            return Severity.Error;
        }

        return severity;
    }

    private static HashSet<string> Codes(string? list) =>
        new((list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
}
