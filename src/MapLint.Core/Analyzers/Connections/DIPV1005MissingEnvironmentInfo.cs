using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Connections;

/// <summary>
/// DIPV1005: an environment lacks its app or a valid URL, a map side's app has no environment in any
/// connection set, or a task's environment runs a different app than the map's side.
/// </summary>
public sealed class DIPV1005MissingEnvironmentInfo : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1005", "Missing environment information", "{0}", RuleCategory.Connection);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterConnectionSetAction(CheckEnvironments);
        registration.RegisterTableMapAction(CheckMapSides);
        registration.RegisterProjectAction(CheckTasks);
    }

    private static void CheckEnvironments(ConnectionSetAnalysisContext context)
    {
        foreach (var environment in context.ConnectionSet.Environments)
        {
            if (environment.App is null)
            {
                context.Report(Descriptor, environment.NameSpan, environment.Syntax.Path, $"Environment '{environment.Name}' does not say which app it runs; add an 'app'.");
            }

            if (environment.Url is not { } url)
            {
                context.Report(Descriptor, environment.NameSpan, environment.Syntax.Path, $"Environment '{environment.Name}' has no 'url'; add the environment's address.");
            }
            else if (!Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                context.Report(Descriptor, url.Span, environment.Syntax.Path + ".url", $"Environment '{environment.Name}' has URL '{url.Value}', which is not an absolute http(s) address.");
            }
        }
    }

    private static void CheckMapSides(TableMapAnalysisContext context)
    {
        if (context.Model.ConnectionSets.Count == 0)
        {
            return;
        }

        foreach (var side in new[] { context.TableMap.Source, context.TableMap.Destination })
        {
            if (side.App.Length > 0 && !context.Model.ConnectionSets.Any(c => c.HasEnvironmentFor(side.App)))
            {
                context.Report(Descriptor, side.AppSpan, $"$.{side.RoleName}.app", $"No connection set has an environment for {side.App}, the {side.RoleName} app of this map; add one so the map can be tied to an environment.");
            }
        }
    }

    private static void CheckTasks(ProjectAnalysisContext context)
    {
        if (context.Project.ConnectionSetName is not { } setName || context.Model.FindConnectionSet(setName.Value) is not { } set)
        {
            return;
        }

        foreach (var task in context.Project.Tasks)
        {
            if (task.MapName is not { } mapName || context.Model.FindTableMap(mapName.Value) is not { } map)
            {
                continue;
            }

            Check(task.SourceEnvironment, map.Source, "source");
            Check(task.DestinationEnvironment, map.Destination, "destination");

            void Check(NameReference? environmentName, MapSide side, string role)
            {
                if (environmentName is { } name && set.FindEnvironment(name.Value) is { App: { } app } && !Apps.NameComparer.Equals(app.Value, side.App))
                {
                    context.Report(Descriptor, name.Span, task.Syntax.Path + "." + role, $"Task '{task.Name}' reads the {role} of map '{map.Name}' ({side.App}) from environment '{name.Value}', which runs {app.Value}; use an environment of the map's {role} app.");
                }
            }
        }
    }
}
