using MapLint.Model;
using MapLint.Semantics;

namespace MapLint.Planning;

/// <summary>
/// The initial-sync plan of one deployment: the MapLint documents (<see cref="Deployment"/> null), or one Web API
/// export folder, solution or project of the service's records (see <see cref="TableMap.Deployment"/>). Each
/// environment is synchronized on its own, so a tree holding the same maps as documents and as an export gets
/// one plan for each, never one plan listing every map twice.
/// </summary>
public sealed record DeploymentPlan(string? Deployment, SyncPlan Plan)
{
    /// <summary>How the plan names its deployment: the folder or file as the paths were given, or "MapLint documents".</summary>
    public string DisplayName
    {
        get
        {
            if (Deployment is null)
            {
                return "MapLint documents";
            }

            // The deployment is a full path; its maps' display paths say how the user named it.
            foreach (var map in Plan.Graph.Maps)
            {
                string full = map.File.FullPath.Replace('\\', '/');
                string display = map.File.DisplayPath.Replace('\\', '/');
                string deployment = Deployment.Replace('\\', '/');
                if (full.StartsWith(deployment, StringComparison.Ordinal) && display.EndsWith(full[deployment.Length..], StringComparison.Ordinal))
                {
                    return display[..^(full.Length - deployment.Length)] is { Length: > 0 } named ? named : ".";
                }
            }

            return Deployment;
        }
    }

    /// <summary>One plan per deployment that holds maps: the MapLint documents first, then by deployment path (ordinal).</summary>
    public static IReadOnlyList<DeploymentPlan> Create(SemanticModel model)
    {
        var groups = model.TableMaps.GroupBy(m => m.Deployment).ToList();
        if (groups.Count <= 1)
        {
            return [new DeploymentPlan(groups.FirstOrDefault()?.Key, SyncPlan.Create(model.SyncGraph))];
        }

        return groups
            .OrderBy(g => g.Key is null ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DeploymentPlan(g.Key, SyncPlan.Create(SyncGraph.Build(model, g.ToList()))))
            .ToList();
    }
}
