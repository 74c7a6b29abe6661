using Microsoft.Build.Framework;

namespace MapLint.Build;

/// <summary>
/// When the lint target was skipped because nothing changed, logs the previous build's warnings again from the
/// cache: a skipped target that hides warnings is a known complaint about other MSBuild linters.
/// </summary>
public sealed class MapLintReplayTask : Microsoft.Build.Utilities.Task
{
    [Required]
    public string CacheFile { get; set; } = string.Empty;

    [Required]
    public string Session { get; set; } = string.Empty;

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    public override bool Execute()
    {
        if (BuildDiagnostic.ReadCache(CacheFile) is not { } cache || cache.Session == Session)
        {
            return true; // nothing cached, or the lint target ran in this very build and logged them itself
        }

        Log.LogMessage(MessageImportance.Normal, $"MapLint: documents unchanged; showing the {cache.Diagnostics.Count} finding(s) of the last run.");
        foreach (var note in cache.Notes)
        {
            Log.LogMessage(MessageImportance.High, "MapLint: " + note);
        }

        var policy = new WarningPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        foreach (var finding in cache.Diagnostics)
        {
            finding.Log(Log, policy);
        }

        return !Log.HasLoggedErrors;
    }
}
