using System.CommandLine;
using System.Globalization;
using System.Text;
using MapLint.Diagnostics;
using MapLint.Reporting;
using MapLint.Util;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint check [paths…]`: lint documents and report.</summary>
public static class CheckCommand
{
    private static readonly Argument<string[]> PathsArgument = new("paths")
    {
        Description = "Files, folders or globs to check (default: the current folder). When only files are given, as hooks do, the rest of the workspace is loaded so references resolve, and only those files are reported on.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> FormatOption = new("--format", "-f")
    {
        Description = "Output format: text, json, sarif (SARIF 2.1.0) or github (workflow commands).",
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

    public sealed record Options(
        IReadOnlyList<string> Paths,
        string Format,
        string? Output,
        string FailOn,
        bool ShowSource,
        string? Config,
        string? Baseline,
        bool UpdateBaseline);

    public static Command GetCommand()
    {
        FormatOption.AcceptOnlyFromAmong("text", "json", "sarif", "github");
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
        };
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
                parseResult.GetValue(UpdateBaselineOption));
            return Execute(options, Console.Out, Console.Error, Directory.GetCurrentDirectory());
        });
        return command;
    }

    public static int Execute(Options options, TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        if (options.UpdateBaseline && options.Baseline is null)
        {
            return Usage(stderr, "--update-baseline needs --baseline FILE");
        }

        var fullPaths = options.Paths.Select(p => Path.GetFullPath(p, currentDirectory)).ToList();

        // Hook mode: only files were passed; load their workspace so references resolve, report on them alone.
        bool filesOnly = options.Paths.All(p => p.IndexOfAny(['*', '?']) < 0) && fullPaths.All(File.Exists);
        string? root = filesOnly ? WorkspaceRoot.Find(fullPaths[0]) : null;
        var input = WorkspaceInput.Resolve(options.Paths, options.Config, currentDirectory, stderr, _ => root is null ? options.Paths : [root, .. options.Paths]);
        if (input is null)
        {
            return ExitCodes.UsageError;
        }

        var (loaded, discovery) = input;

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

        var result = Linter.Run(discovery.Files, new LintOptions { Config = loaded.Config });
        if (root is not null)
        {
            var passed = fullPaths.Select(p => FileDiscovery.ToDisplayPath(p, currentDirectory)).ToHashSet(StringComparer.Ordinal);
            result = result.Restrict(d => passed.Contains(d.Location.Path), passed.Count);
        }
        else if (result.DocumentCount == 0 && result.Diagnostics.Count == 0)
        {
            return Usage(stderr, $"nothing to check: no MapLint documents (JSON with a 'kind') under {string.Join(", ", options.Paths)}");
        }

        // Problems in maplint.json itself are findings like any other.
        if (loaded.Diagnostics.Count > 0)
        {
            result = result.WithExtra(loaded.Diagnostics);
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
                return SarifReporter.Write(result, MapLintCommand.Version);
            default:
                var writer = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
                if (options.Format == "github")
                {
                    GitHubReporter.Write(result, writer);
                }
                else
                {
                    TextReporter.Write(result, writer, options.ShowSource);
                }

                return writer.ToString();
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.Write("maplint: " + message + "\n");
        return ExitCodes.UsageError;
    }
}
