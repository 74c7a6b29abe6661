using System.CommandLine;
using MapLint.Semantics;
using MapLint.Diagnostics;
using MapLint.Planning;
using MapLint.Reporting;
using MapLint.Workspace;

namespace MapLint.Cli;

/// <summary>`maplint plan [paths…]`: the initial-sync run order of the maps, as text, JSON, DOT or Mermaid.</summary>
public static class PlanCommand
{
    private static readonly Argument<string[]> PathsArgument = MapLint.Cli.PathsArgument.Create("Files, folders or globs holding the maps (default: the current folder).");

    private static readonly Option<string> FormatOption = new("--format", "-f")
    {
        Description = "Output format: text, json, dot (Graphviz) or mermaid.",
        DefaultValueFactory = _ => "text",
    };

    public sealed record Options(IReadOnlyList<string> Paths, string Format);

    public static Command GetCommand()
    {
        FormatOption.AcceptOnlyFromAmong("text", "json", "dot", "mermaid");
        var command = new Command("plan", "Compute the initial-sync run order: waves of maps, deferred lookups and the second pass; and the coupling order of Business Central integration mappings.")
        {
            PathsArgument,
            FormatOption,
        };
        command.SetAction(parseResult => Execute(
            new Options(parseResult.GetValue(PathsArgument) is { Length: > 0 } paths ? paths : ["."], parseResult.GetValue(FormatOption)!),
            Console.Out,
            Console.Error));
        return command;
    }

    public static int Execute(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (WorkspaceInput.Resolve(options.Paths, null, Directory.GetCurrentDirectory(), stderr) is not { } input)
        {
            return ExitCodes.UsageError;
        }

        var discovery = input.Discovery;
        // Planning needs the bound model only; the rules are `maplint check`'s job.
        var result = Linter.Run(discovery.Files, new LintOptions { Analyzers = [] });
        var coupling = result.BusinessCentral.TableMappings.Count > 0 ? CouplingPlan.Create(CouplingGraph.Build(result.BusinessCentral)) : null;
        if (result.Model.TableMaps.Count == 0 && coupling is null)
        {
            stderr.Write($"maplint: nothing to plan: no tableMap documents or Business Central integration mappings under {string.Join(", ", options.Paths)}\n");
            return ExitCodes.UsageError;
        }

        int unreadable = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        if (unreadable > 0)
        {
            stderr.Write($"maplint: {unreadable} problem(s) in the documents themselves; the plan covers what could be read. Run `maplint check` for details.\n");
        }

        // One plan per deployment: the same maps as documents and as an export are two environments' maps.
        var plans = DeploymentPlan.Create(result.Model);
        if (plans.Count > 1 && options.Format is "dot" or "mermaid")
        {
            stderr.Write($"maplint: the maps belong to {plans.Count} deployments ({string.Join(", ", plans.Select(p => p.DisplayName))}); a drawing shows one: plan that deployment's paths alone, or use --format text or json for every plan.\n");
            return ExitCodes.UsageError;
        }

        var plan = plans[0].Plan;
        switch (options.Format)
        {
            case "json":
                stdout.Write(PlanJsonWriter.Write(plans, coupling));
                break;
            case "dot":
                stdout.Write(PlanDotWriter.Write(plan));
                break;
            case "mermaid":
                stdout.Write(PlanMermaidWriter.Write(plan));
                break;
            default:
                if (result.Model.TableMaps.Count > 0)
                {
                    PlanTextWriter.Write(plans, stdout);
                }

                if (coupling is not null)
                {
                    stdout.Write(result.Model.TableMaps.Count > 0 ? "\n" : string.Empty);
                    CouplingPlanWriter.WriteText(coupling, stdout);
                }

                break;
        }

        return ExitCodes.Success;
    }
}
