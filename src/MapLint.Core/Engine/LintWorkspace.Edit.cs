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
    /// lead to, those of their tables and names, and every file holding other documents. Every other file's
    /// findings are the last run's. Anything else (a file added, removed or renamed, metadata or a connection set
    /// changed, a map renamed or moved to another table) runs the engine on every file.
    /// </summary>
    private bool FromAnEdit(LastRun record, List<int> changed, SummaryCache cache)
    {
        if (record.Stage is not { } stage || changed.Any(i => !stage.Files[i].PlainMaps))
        {
            return false;
        }

        var affected = new HashSet<int>(changed);
        foreach (int x in changed)
        {
            ConcernedBy(x, stage, affected);
        }

        // Files the changed maps' lookups lead to now; found by the check itself, so the check may run again.
        var leadsTo = new HashSet<int>();
        cache.KeepEntriesOfOtherFiles();
        for (int round = 0; round < 4; round++)
        {
            var needed = Needed(affected, leadsTo, changed, stage);
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
            bool grew = false;
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
                    foreach (var (app, table) in graph.TargetTablesOf(map))
                    {
                        foreach (int owner in stage.FilesOfTable(app, table, map.Deployment))
                        {
                            grew |= !needed.Contains(owner) && leadsTo.Add(owner);
                        }
                    }

                    foreach (var member in graph.ComponentOf(map))
                    {
                        if (fileOf.TryGetValue(member, out int j) && affected.Add(j))
                        {
                            ConcernedBy(j, stage, affected);
                            grew = true;
                        }
                    }
                }
            }

            if (grew)
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

    /// <summary>The files whose findings an edit of file <paramref name="file"/> can change, besides itself: maps of its tables and names, and of its lookup cycle.</summary>
    private static void ConcernedBy(int file, StageFacts stage, HashSet<int> affected)
    {
        var facts = stage.Files[file];
        foreach (var map in facts.Maps)
        {
            affected.UnionWith(stage.FilesOfTable(map.SourceApp, map.SourceEntity, map.Deployment));
            affected.UnionWith(stage.FilesOfTable(map.DestinationApp, map.DestinationEntity, map.Deployment));
        }

        foreach (var name in facts.Names)
        {
            affected.UnionWith(stage.FilesOfName(name));
        }

        affected.UnionWith(stage.CycleOf(file));
    }

    /// <summary>
    /// What the affected files' rules read: every file reached from them through lookups (with where the changed
    /// maps' lookups lead now), the maps of their tables and names, and every file holding other documents than
    /// maps (metadata, connection sets, projects).
    /// </summary>
    private static HashSet<int> Needed(HashSet<int> affected, HashSet<int> leadsTo, List<int> changed, StageFacts stage)
    {
        var needed = stage.Reached(affected.Concat(leadsTo), j => stage.Files[j].DependsOn);
        foreach (int i in affected)
        {
            foreach (var map in stage.Files[i].Maps)
            {
                needed.UnionWith(stage.FilesOfTable(map.SourceApp, map.SourceEntity, map.Deployment));
                needed.UnionWith(stage.FilesOfTable(map.DestinationApp, map.DestinationEntity, map.Deployment));
            }

            foreach (var name in stage.Files[i].Names)
            {
                needed.UnionWith(stage.FilesOfName(name));
            }
        }

        for (int i = 0; i < stage.Files.Length; i++)
        {
            if (stage.Files[i].Others)
            {
                needed.Add(i);
            }
        }

        needed.UnionWith(changed);
        return needed;
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
