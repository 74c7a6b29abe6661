using System.Globalization;
using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Reporting;
using MapLint.Workspace;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MapLint.Build;

/// <summary>
/// Runs the MapLint engine in-process over the project's MapLint documents and logs every finding as a build
/// error or warning at its file(line,col), with its DIPV code and help link. No rule logic lives here.
/// </summary>
public sealed class MapLintTask : Microsoft.Build.Utilities.Task
{
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    public string? ConfigFile { get; set; }

    /// <summary>The project file, where the warning properties are looked for (the task node is in MapLint.Build.targets).</summary>
    public string? ProjectFile { get; set; }

    /// <summary>A SARIF 2.1.0 log of the run, when set.</summary>
    public string? ErrorLog { get; set; }

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Where findings are kept so a skipped (up-to-date) build can show its warnings again.</summary>
    public string? CacheFile { get; set; }

    /// <summary>Identifies this build, so the replay target knows the findings were already logged.</summary>
    public string? Session { get; set; }

    public string? StampFile { get; set; }

    /// <summary>The folder of the summary cache (under obj/), shared by the builds of the project; none when empty.</summary>
    public string? SummaryCacheFolder { get; set; }

    public override bool Execute()
    {
        Util.Timings.Mark("MSBuild: the task started");
        var configFile = string.IsNullOrEmpty(ConfigFile) ? null : ConfigFile;
        var loaded = ConfigLoader.Load(configFile, ProjectDirectory, ProjectDirectory);
        if (loaded is null)
        {
            Log.LogError("MapLint", "DIPV2004", null, null, 0, 0, 0, 0, $"MapLintConfig '{configFile}' does not exist.");
            return false;
        }

        var files = Files
            .Select(f => Path.GetFullPath(f.GetMetadata("FullPath") is { Length: > 0 } full ? full : f.ItemSpec))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new WorkspaceFile(f, f))
            .ToList();
        // Metadata the configuration names is loaded as well, wherever it lives.
        var metadata = FileDiscovery.Discover([], ProjectDirectory, loaded.Config).Files;
        var all = files.Concat(metadata.Where(m => files.All(f => f.FullPath != m.FullPath))).ToList();
        var cache = string.IsNullOrEmpty(SummaryCacheFolder) ? null : Engine.SummaryCache.Open(SummaryCacheFolder!);
        var result = Linter.Run(all, new LintOptions { Config = loaded.Config, Cache = cache });

        result = result.WithExtra(loaded.Findings(result));
        result = result.WithExtra(new WarningProperties(NoWarn, WarningsAsErrors, WarningsNotAsErrors).Problems(loaded.Config, string.IsNullOrEmpty(ProjectFile) ? ProjectDirectory : ProjectFile!, ProjectDirectory));
        var policy = new WarningPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        var findings = result.Diagnostics.Where(d => !d.IsSuppressed).Select(BuildDiagnostic.From).ToList();
        foreach (var finding in findings)
        {
            finding.Log(Log, policy);
        }

        // Run notes (rules skipped for lack of metadata) are what `maplint check` prints as info lines: a build
        // shows them at normal verbosity, and again when the lint is skipped as up to date.
        foreach (var note in result.Notes)
        {
            Log.LogMessage(MessageImportance.High, "MapLint: " + note);
        }

        Log.LogMessage(MessageImportance.Normal, "MapLint: " + TextReporter.Summary(result));
        if (cache is not null)
        {
            // At detailed verbosity: whether the summaries under obj/ served the run (a touched map re-lints from them).
            Log.LogMessage(MessageImportance.Low, string.Format(CultureInfo.InvariantCulture, "MapLint: map summaries reused {0}, made {1}; the last run's report {2}", cache.Hits, cache.Misses, cache.LastRunUse switch { "report" => "reused", "edit" => "reused for an edit", _ => "not used" }));
        }
        if (Util.Timings.Enabled)
        {
            // MAPLINT_TIMINGS=1: where the task's time went, beside MSBuild's own performance summary.
            var timings = new StringWriter(CultureInfo.InvariantCulture);
            Util.Timings.Report(timings);
            Log.LogMessage(MessageImportance.High, timings.ToString().TrimEnd('\n'));
        }

        if (!string.IsNullOrEmpty(ErrorLog))
        {
            string sarif = SarifReporter.Write(result, typeof(MapLintTask).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", SarifAutomation.FromEnvironment(Environment.GetEnvironmentVariable));
            if (Util.SafeFileWriter.TryWrite(ErrorLog!, sarif, new Util.WriteGuard(null, all.Select(f => f.FullPath).ToList())) is { } problem)
            {
                Log.LogError(null, "MAPLINT", null, null, 0, 0, 0, 0, "MapLintErrorLog: " + problem);
            }
        }

        if (Log.HasLoggedErrors)
        {
            // No stamp: the next build lints again instead of replaying a failure.
            if (!string.IsNullOrEmpty(StampFile) && File.Exists(StampFile))
            {
                File.Delete(StampFile);
            }

            return false;
        }

        if (!string.IsNullOrEmpty(CacheFile))
        {
            BuildDiagnostic.WriteCache(CacheFile!, Session ?? string.Empty, findings, result.Notes);
        }

        if (!string.IsNullOrEmpty(StampFile))
        {
            if (Util.SafeFileWriter.TryWrite(StampFile!, "MapLint " + TextReporter.Summary(result) + "\n") is { } problem)
            {
                Log.LogError(null, "MAPLINT", null, null, 0, 0, 0, 0, problem);
                return false;
            }
        }

        return true;
    }
}
