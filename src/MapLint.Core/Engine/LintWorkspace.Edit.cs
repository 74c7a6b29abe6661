using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Semantics;
using MapLint.Util;

namespace MapLint.Engine;

public sealed partial class LintWorkspace
{
    // The key-column index an edit's check answers from: the last run's answers, not the columns of the few maps read.
    private Func<KeyColumnIndex>? givenKeyColumns;

    /// <summary>
    /// A run after some maps changed since the last run (a commit, a build after touching a map): when each
    /// changed file holds MapLint maps that keep what other files' findings read of them (names, tables, the
    /// columns lookups ask about, as <see cref="IncrementalStage"/> asks of an editor's edit), only the files the
    /// edit concerns are checked again — the changed maps, the maps of their tables and names, the maps of their
    /// lookup cycles before and after — on a workspace of what those files' rules read: the maps their lookups
    /// point to, those of their tables and names, and every file holding other documents. Every other file's
    /// findings are the last run's. Anything else (a file added, removed or renamed, metadata or a connection set
    /// changed, a map renamed or moved to another table) runs the engine on every file.
    /// </summary>
    private bool FromAnEdit(LastRun record, List<int> changed, SummaryCache cache)
    {
        if (record.Stage is not { } stage || changed.Any(i => !stage.Files[i].PlainMaps))
        {
            return false;
        }

        // Where each changed file's lookups lead now: first as before the edit, then as its check found.
        var leadsTo = changed.ToDictionary(x => x, x => stage.Files[x].DependsOn.ToHashSet());
        cache.KeepEntriesOfOtherFiles();
        for (int round = 0; round < 4; round++)
        {
            var affected = Affected(changed, leadsTo, stage);
            var needed = Needed(affected, leadsTo, stage);
            var order = needed.Order().ToList();
            var sub = new LintWorkspace(order.Select(i => files[i]).ToList(), options, source) { givenKeyColumns = stage.KeyColumns };
            sub.Analyze(Enumerable.Range(0, order.Count).ToHashSet());
            var subIndex = new Dictionary<int, int>();
            for (int k = 0; k < order.Count; k++)
            {
                subIndex[order[k]] = k;
            }

            var model = sub.lastModel!;
            var graph = model.SyncGraph;
            var fileOf = new Dictionary<TableMap, int>(ReferenceIdentity.Instance);
            for (int k = 0; k < order.Count; k++)
            {
                foreach (var map in sub.summaries[k]!.TableMaps)
                {
                    fileOf[map] = order[k];
                }
            }

            var newFacts = new Dictionary<int, FileFacts>();
            bool again = false;
            foreach (int x in changed)
            {
                var summary = sub.summaries[subIndex[x]]!;
                var facts = FileFacts.Of(summary, stage.Asked, graph, m => fileOf.TryGetValue(m, out int j) ? j : -1, x);
                if (!facts.SameForOthers(stage.Files[x]) || AsksANewKeyColumn(summary, stage.Asked))
                {
                    Timings.Mark("an edit that changes what other files read of a map: every file is checked");
                    return false;
                }

                newFacts[x] = facts;
                foreach (var map in summary.TableMaps)
                {
                    // Every map writing a table a lookup points to (the whole workspace's, from the facts).
                    foreach (var (app, table) in graph.TargetTablesOf(map))
                    {
                        foreach (int owner in stage.FilesOfTable(app, table, map.Deployment))
                        {
                            again |= owner != x && leadsTo[x].Add(owner);
                        }
                    }

                    // A safety net: the cycles found on this workspace are the facts' (a member outside them is checked again).
                    foreach (var member in graph.ComponentOf(map))
                    {
                        if (fileOf.TryGetValue(member, out int j) && !affected.Contains(j))
                        {
                            leadsTo[x].Add(j);
                            again = true;
                        }
                    }
                }
            }

            if (again)
            {
                continue;
            }

            var findings = record.FindingsByFile();
            var read = new Dictionary<int, (string Hash, FileStamp? Stamp, Text.SourceText? Text)>();
            foreach (int i in affected)
            {
                int k = subIndex[i];
                findings[i] = sub.finishedOf![k];
                var summary = sub.summaries[k]!;
                read[i] = (summary.ContentHash, sub.stampOf[k], summary.Text);
            }

            var diagnostics = findings.SelectMany(f => f).ToList();
            diagnostics.Sort(DiagnosticComparer.Instance);
            var edited = record.Edited(findings, diagnostics, read, stage.With(newFacts));
            cache.SaveLastRun(edited.Write());
            lastRun = edited;
            MadeBy = "edit";
            cache.LastRunUse = "edit";
            Result = edited.ToResult(diagnostics, () =>
            {
                CatchUp();
                return Result;
            });
            Timings.Mark($"an edit of the last run: {changed.Count} changed, {affected.Count} checked again on {order.Count} of {files.Count} files");
            return true;
        }

        return false;
    }

    /// <summary>
    /// The files whose findings the edit can change, as <see cref="IncrementalStage.Affected"/> has them: the changed
    /// files, the maps of their tables and names, and the maps of their lookup cycles before and after the edit.
    /// </summary>
    private static HashSet<int> Affected(List<int> changed, Dictionary<int, HashSet<int>> leadsTo, StageFacts stage)
    {
        var affected = new HashSet<int>(changed);
        foreach (int x in changed)
        {
            stage.AddMapsOfTablesAndNames(x, affected);
            affected.UnionWith(stage.CycleOf(x));
            affected.UnionWith(Component(x, leadsTo, stage));
        }

        return affected;
    }

    /// <summary>
    /// What the affected files' rules read: the files their lookups point to (the changed files' as they point
    /// now), the maps of their tables and names, the maps of their lookup cycles as the edit leaves them (a cycle is
    /// found and broken whole) with what those point to, and every file holding other documents than maps (metadata,
    /// connection sets, projects).
    /// </summary>
    private static HashSet<int> Needed(HashSet<int> affected, Dictionary<int, HashSet<int>> leadsTo, StageFacts stage)
    {
        IEnumerable<int> Next(int j) => LeadsTo(j, leadsTo, stage);
        var needed = new HashSet<int>(affected);
        var cyclic = new HashSet<int>();
        foreach (int i in affected)
        {
            needed.UnionWith(Next(i));
            stage.AddMapsOfTablesAndNames(i, needed);
            if (!cyclic.Contains(i))
            {
                cyclic.UnionWith(Component(i, leadsTo, stage));
            }
        }

        foreach (int member in cyclic)
        {
            needed.Add(member);
            needed.UnionWith(Next(member));
        }

        for (int i = 0; i < stage.Files.Length; i++)
        {
            if (stage.Files[i].Others)
            {
                needed.Add(i);
            }
        }

        return needed;
    }

    /// <summary>Where a file's lookups lead after the edit: a changed file's as its check found, the others' as before.</summary>
    private static IEnumerable<int> LeadsTo(int file, Dictionary<int, HashSet<int>> leadsTo, StageFacts stage) =>
        leadsTo.TryGetValue(file, out var now) ? now : stage.Files[file].DependsOn;

    /// <summary>
    /// The files on a lookup cycle through <paramref name="file"/> after the edit (itself alone when none): reached
    /// from it and reaching it, the changed files' lookups leading where they lead now, the others' as before.
    /// </summary>
    private static HashSet<int> Component(int file, Dictionary<int, HashSet<int>> leadsTo, StageFacts stage)
    {
        IEnumerable<int> Next(int j) => LeadsTo(j, leadsTo, stage);
        IEnumerable<int> Previous(int j) =>
            stage.DependentsOf(j).Where(d => !leadsTo.ContainsKey(d)).Concat(leadsTo.Where(p => p.Value.Contains(j)).Select(p => p.Key));
        var forward = stage.Reached([file], Next);
        if (forward.Count == 1)
        {
            return forward;
        }

        var backward = stage.Reached([file], Previous);
        forward.IntersectWith(backward);
        return forward;
    }

    /// <summary>A lookup asking the key-column index about a column no lookup asked about in the last run: its answer was not kept.</summary>
    private static bool AsksANewKeyColumn(DocumentSummary summary, HashSet<(string App, string Column)> asked)
    {
        foreach (var map in summary.TableMaps)
        {
            foreach (var mapping in map.Mappings)
            {
                foreach (var field in new[] { mapping.Source, mapping.Destination })
                {
                    if (field is { IsLookup: true } && LookupPath.Parse(field.Text) is { IsPolymorphic: false } path && !asked.Contains((field.Side.App, path.Parts[0].KeyColumn)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
