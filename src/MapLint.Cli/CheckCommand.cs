using System.CommandLine;
using System.Globalization;
using System.Text;
using MapLint.Configuration;
using MapLint.Diagnostics;
using MapLint.Engine;
using MapLint.Reporting;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint check [paths…]`: lint documents and report.</summary>
public static class CheckCommand
{
    private static readonly Argument<string[]> PathsArgument = MapLint.Cli.PathsArgument.Create(
        "Files, folders or globs to check (default: the current folder). When only files (or globs) are given, as hooks do, the rest of the workspace is loaded so references resolve, and those files and the documents that depend on them are reported on.");

    private static readonly Option<string> FormatOption = new("--format", "-f")
    {
        Description = "Output format: text, json, sarif (SARIF 2.1.0), github (workflow commands), azure (Azure Pipelines logging commands) or junit (JUnit XML for test-report tabs).",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<string?> OutputOption = new("--output", "-o")
    {
        Description = "Write the report to this file (atomically) instead of standard output.",
    };

    private static readonly Option<string> FailOnOption = new("--fail-on")
    {
        Description = "Exit with 1 on: error (default), warning (errors or warnings), none (never).",
        DefaultValueFactory = _ => "error",
    };

    private static readonly Option<bool> WarnAsErrorOption = new("--warnaserror")
    {
        Description = "Same as --fail-on warning.",
    };

    private static readonly Option<string> SourceOption = new("--show-source")
    {
        Description = "Show the source line with a caret under each finding: auto (when writing to a terminal), always, never.",
        DefaultValueFactory = _ => "auto",
    };

    private static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "The maplint.json to use (default: the nearest one above the first checked path).",
    };

    private static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "Report only findings that are not in this baseline file.",
    };

    private static readonly Option<bool> UpdateBaselineOption = new("--update-baseline")
    {
        Description = "Write the current findings into the --baseline file (fixed findings drop out).",
    };

    private static readonly Option<bool> NoCacheOption = new("--no-cache")
    {
        Description = "Check every file afresh: neither read nor write the summaries kept in .maplint/cache.",
    };

    private static readonly Option<string?> StdinFilenameOption = new("--stdin-filename")
    {
        Description = "Read the document from standard input as the text of this file (editors: the unsaved buffer); the rest of its workspace is read from disk, and only it is reported on.",
    };

    private static readonly Option<bool> StagedOption = new("--staged")
    {
        Description = "Check what is staged in git (the index), not the working tree: the staged JSON files and the documents that depend on them. Used by `maplint hook install`.",
    };

    public sealed record Options(
        IReadOnlyList<string> Paths,
        string Format,
        string? Output,
        string FailOn,
        bool ShowSource,
        string? Config,
        string? Baseline,
        bool UpdateBaseline,
        bool Staged = false,
        bool NoCache = false)
    {
        /// <summary>With <see cref="StdinContent"/>: the path whose text is given instead of read.</summary>
        public string? StdinFilename { get; init; }

        public byte[]? StdinContent { get; init; }
    }

    public static Command GetCommand()
    {
        FormatOption.AcceptOnlyFromAmong("text", "json", "sarif", "github", "azure", "junit");
        FailOnOption.AcceptOnlyFromAmong("error", "warning", "none");
        SourceOption.AcceptOnlyFromAmong("auto", "always", "never");
        var command = new Command("check", "Check table maps, connection sets, projects and metadata.")
        {
            PathsArgument,
            FormatOption,
            OutputOption,
            FailOnOption,
            WarnAsErrorOption,
            SourceOption,
            ConfigOption,
            BaselineOption,
            UpdateBaselineOption,
            NoCacheOption,
            StagedOption,
            StdinFilenameOption,
        };
        command.Validators.Add(result =>
        {
            // Options that contradict each other are a usage error, never one silently winning.
            if (result.GetValue(WarnAsErrorOption) && result.GetResult(FailOnOption) is { Implicit: false } && result.GetValue(FailOnOption) != "warning")
            {
                result.AddError($"--warnaserror (= --fail-on warning) conflicts with --fail-on {result.GetValue(FailOnOption)}; give one of them.");
            }

            if (result.GetValue(UpdateBaselineOption) && result.GetResult(BaselineOption) is null)
            {
                result.AddError("--update-baseline needs --baseline FILE.");
            }

            if (result.GetValue(StagedOption) && result.GetValue(PathsArgument) is { Length: > 0 })
            {
                result.AddError("--staged checks the files staged in git; give no paths with it.");
            }

            // Standard input stands for the one file named: other inputs would be ignored, and a baseline written
            // from one file would drop every other file's findings.
            if (result.GetResult(StdinFilenameOption) is not null)
            {
                if (result.GetValue(StagedOption))
                {
                    result.AddError("--stdin-filename checks one document read from standard input; --staged checks the index: give one of them.");
                }

                if (result.GetValue(PathsArgument) is { Length: > 0 })
                {
                    result.AddError("--stdin-filename checks one document read from standard input; give no paths with it.");
                }

                if (result.GetValue(UpdateBaselineOption))
                {
                    result.AddError("--update-baseline with --stdin-filename would write a baseline of one file; run it over the workspace instead.");
                }
            }
        });
        command.SetAction(parseResult =>
        {
            string showSource = parseResult.GetValue(SourceOption)!;
            string? output = parseResult.GetValue(OutputOption);
            var options = new Options(
                parseResult.GetValue(PathsArgument) is { Length: > 0 } paths ? paths : ["."],
                parseResult.GetValue(FormatOption)!,
                output,
                parseResult.GetValue(WarnAsErrorOption) ? "warning" : parseResult.GetValue(FailOnOption)!,
                showSource == "always" || (showSource == "auto" && output is null && !Console.IsOutputRedirected),
                parseResult.GetValue(ConfigOption),
                parseResult.GetValue(BaselineOption),
                parseResult.GetValue(UpdateBaselineOption),
                parseResult.GetValue(StagedOption),
                parseResult.GetValue(NoCacheOption))
            {
                StdinFilename = parseResult.GetValue(StdinFilenameOption),
            };
            if (options.StdinFilename is not null)
            {
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                options = options with { StdinContent = buffer.ToArray() };
            }

            return options.Staged
                ? StagedCheck.Execute(options, Console.Out, Console.Error, Directory.GetCurrentDirectory())
                : Execute(options, Console.Out, Console.Error, Directory.GetCurrentDirectory());
        });
        return command;
    }

    /// <param name="workspaceRoot">Where the workspace is when neither a maplint.json nor a git root is found above the files (a staged snapshot).</param>
    public static int Execute(Options options, TextWriter stdout, TextWriter stderr, string currentDirectory, string? workspaceRoot = null)
    {
        if (options.UpdateBaseline && options.Baseline is null)
        {
            return Usage(stderr, "--update-baseline needs --baseline FILE");
        }

        // (A folder, FIFO or device named as the baseline is not "not found": Baseline.Load says what it is.)
        if (options.Baseline is { } wanted && !options.UpdateBaseline && Util.FileKinds.Of(Path.GetFullPath(wanted, currentDirectory)) == Util.FileKind.Missing)
        {
            return Usage(stderr, $"baseline file not found: '{wanted}' (write it first with --update-baseline)");
        }

        // Hook mode: only files (or globs matching files) were named, as hooks and pre-commit pass them. The rest
        // of their workspace is loaded so references resolve; the report covers those files and the documents whose
        // findings depend on them (the maps using changed metadata, connection sets or looked-up maps).
        // Standard input stands for one file (which need not exist): checked in its workspace as `check FILE` is,
        // or alone when it has none, and reported on alone.
        string? stdinPath = options.StdinFilename is { } name ? Path.GetFullPath(name, currentDirectory) : null;
        var named = stdinPath is not null ? [stdinPath] : NamedFiles(options.Paths, currentDirectory);
        string? root = named is { Count: > 0 } ? WorkspaceRoot.Find(named[0]) ?? workspaceRoot : null;
        IReadOnlyList<string> paths = stdinPath is null ? options.Paths : [root ?? Path.GetDirectoryName(stdinPath)!];
        var input = WorkspaceInput.Resolve(paths, options.Config, currentDirectory, stderr, _ => root is null ? paths : stdinPath is not null ? [root] : [root, .. named!.Where(IsDocumentPath)]);
        if (input is null)
        {
            return ExitCodes.UsageError;
        }

        var (loaded, discovery) = input;
        Util.Timings.Mark("configuration and file discovery");

        // What this run reads must not be what it writes; refused targets are found before any work is done.
        var reads = discovery.Files.Select(f => f.FullPath).Concat(loaded.Config.Path is { } configFile ? [configFile] : []).ToList();
        string writeRoot = WorkspaceRoot.GitRoot(currentDirectory) ?? currentDirectory;
        string? baselineFull = options.Baseline is { } b ? Path.GetFullPath(b, currentDirectory) : null;
        var outputGuard = new WriteGuard(writeRoot, baselineFull is null ? reads : [.. reads, baselineFull]);
        var baselineGuard = new WriteGuard(writeRoot, reads);
        try
        {
            if (options.Output is { } target)
            {
                SafeFileWriter.Check(Path.GetFullPath(target, currentDirectory), outputGuard);
            }

            if (options.UpdateBaseline)
            {
                SafeFileWriter.Check(baselineFull!, baselineGuard);
            }
        }
        catch (UnsafeWriteException ex)
        {
            return Usage(stderr, ex.Message);
        }

        // Summaries are kept in the workspace's root (the folder of maplint.json, else the git root).
        string cacheRoot = root ?? loaded.Config.Directory ?? WorkspaceRoot.GitRoot(currentDirectory) ?? currentDirectory;
        var cache = options.NoCache ? null : Engine.SummaryCache.ForWorkspace(cacheRoot);
        var lintOptions = new LintOptions { Config = loaded.Config, DisplayPath = p => FileDiscovery.ToDisplayPath(p, currentDirectory), Cache = cache };
        var workspace = LintWorkspace.Open(stdinPath is not null && root is null ? [] : discovery.Files, lintOptions);
        var result = workspace.Result;
        if (stdinPath is not null)
        {
            string only = FileDiscovery.ToDisplayPath(stdinPath, currentDirectory);
            result = workspace.Update(stdinPath, options.StdinContent ?? []).Result.Restrict(d => d.Location.Path == only, 1);
        }
        else if (root is not null)
        {
            var reported = Reported(workspace, named!, currentDirectory);
            result = result.Restrict(d => reported.Contains(d.Location.Path), reported.Count);
            Util.Timings.Mark("dependents of the named files");
        }
        else if (result.DocumentCount == 0 && result.BusinessCentral.Files.Count == 0 && result.Diagnostics.Count == 0)
        {
            // As ESLint does when its ignores take every file: say which globs did it, at their places.
            if (loaded.FilterLeftNothing(options.Paths, currentDirectory) is { Count: > 0 } filters)
            {
                foreach (var filter in filters)
                {
                    stderr.Write(Reporting.OutputText.WholeLine(filter.ToString()) + "\n");
                }

                return Usage(stderr, $"nothing to check: the include/exclude of {FileDiscovery.ToDisplayPath(loaded.Config.Path!, currentDirectory)} leave out every file under {string.Join(", ", options.Paths)}");
            }

            return Usage(stderr, $"nothing to check: no MapLint documents (JSON with a 'kind') or AL files under {string.Join(", ", options.Paths)}");
        }

        // Problems in maplint.json and .editorconfig, and settings that match nothing, are findings like any other.
        if (loaded.Findings(result) is { Count: > 0 } configurationFindings)
        {
            result = result.WithExtra(configurationFindings);
        }

        if (options.Baseline is { } baselinePath)
        {
            string full = Path.GetFullPath(baselinePath, currentDirectory);
            if (options.UpdateBaseline)
            {
                try
                {
                    Baseline.Write(full, result.Diagnostics, currentDirectory, baselineGuard);
                }
                catch (UnsafeWriteException ex)
                {
                    return Usage(stderr, ex.Message);
                }

                stderr.Write($"maplint: wrote {result.Diagnostics.Count(d => !d.IsSuppressed).ToString(CultureInfo.InvariantCulture)} finding(s) to baseline {baselinePath}\n");
            }

            var (baseline, error) = Baseline.Load(full);
            if (baseline is null)
            {
                return Usage(stderr, error!);
            }

            var fresh = baseline.NewFindings(result.Diagnostics, currentDirectory).ToHashSet();
            result = result.Restrict(fresh.Contains, result.FileCount);
        }

        string report = Render(result, options);
        Util.Timings.Mark("report rendered");
        if (options.Output is { } output)
        {
            try
            {
                SafeFileWriter.Write(Path.GetFullPath(output, currentDirectory), report, outputGuard);
            }
            catch (UnsafeWriteException ex)
            {
                return Usage(stderr, ex.Message);
            }
        }
        else
        {
            stdout.Write(report);
        }

        bool failed = options.FailOn switch
        {
            "none" => false,
            "warning" => result.Count(Severity.Error) + result.Count(Severity.Warning) > 0,
            _ => result.Count(Severity.Error) > 0,
        };
        return failed ? ExitCodes.DiagnosticsFound : ExitCodes.Success;
    }

    private static string Render(LintResult result, Options options)
    {
        switch (options.Format)
        {
            case "json":
                using (var buffer = new MemoryStream())
                {
                    JsonReporter.Write(result, buffer, MapLintCommand.Version);
                    return Encoding.UTF8.GetString(buffer.ToArray());
                }

            case "sarif":
                return SarifReporter.Write(result, MapLintCommand.Version, SarifAutomation.FromEnvironment(Environment.GetEnvironmentVariable));
            case "junit":
                return JUnitReporter.Write(result);
            default:
                var writer = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
                if (options.Format == "github")
                {
                    GitHubReporter.Write(result, writer);
                }
                else if (options.Format == "azure")
                {
                    AzurePipelinesReporter.Write(result, writer);
                }
                else
                {
                    TextReporter.Write(result, writer, options.ShowSource);
                }

                return writer.ToString();
        }
    }

    /// <summary>
    /// The files named when every path is a file or a glob (hook mode), with globs expanded through the
    /// configuration's exclude; null when a folder is named (a folder walk is a whole-workspace check).
    /// </summary>
    private static List<string>? NamedFiles(IReadOnlyList<string> paths, string currentDirectory)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            string full = Path.GetFullPath(path, currentDirectory);
            if (path.IndexOfAny(['*', '?']) >= 0)
            {
                var config = ConfigLoader.Load(null, Path.GetDirectoryName(full) ?? currentDirectory, currentDirectory)?.Config ?? MapLintConfig.Default;
                var matches = FileDiscovery.ExpandGlob(path, currentDirectory, config).ToList();
                if (matches.Count == 0)
                {
                    return null; // reported by the discovery that follows
                }

                files.AddRange(matches.Order(StringComparer.Ordinal));
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
            else
            {
                return null;
            }
        }

        return files.Count > 0 ? files : null;
    }

    /// <summary>
    /// Display paths of what a hook-mode check reports on: the named files and, from the engine's dependency index,
    /// every file whose findings depend on them. A named file the workspace does not hold (an .editorconfig, an
    /// export that is not loaded) may change anything, so then everything is reported.
    /// </summary>
    private static HashSet<string> Reported(LintWorkspace workspace, IReadOnlyList<string> named, string currentDirectory)
    {
        var reported = named.Select(p => FileDiscovery.ToDisplayPath(p, currentDirectory)).ToHashSet(StringComparer.Ordinal);
        bool unknown = named.Any(p => workspace.FindFile(p) is null && !workspace.Inputs.Configuration.Contains(p, StringComparer.Ordinal));
        var dependents = unknown ? workspace.Files : workspace.Dependencies.DependentsOf(named);
        reported.UnionWith(dependents.Select(f => f.DisplayPath));
        return reported;
    }

    /// <summary>JSON files are documents to load; other passed files (.editorconfig, XML exports) are inputs that changed.</summary>
    private static bool IsDocumentPath(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.Write("maplint: " + message + "\n");
        return ExitCodes.UsageError;
    }
}
