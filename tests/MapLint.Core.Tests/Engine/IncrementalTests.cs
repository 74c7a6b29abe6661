using System.Text;
using MapLint.Configuration;
using MapLint.Engine;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Engine;

/// <summary>
/// An open workspace told that files changed checks them and their dependents again and reuses the other
/// summaries; the findings must be those of a fresh run on the changed files, to the byte, for edits of every
/// kind of document (maps, metadata, the connection set, the project) made the way users make them.
/// </summary>
public sealed class IncrementalTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "maplint-incremental-" + Guid.NewGuid().ToString("N"));

    public IncrementalTests()
    {
        CopyExamples(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static void CopyExamples(string target)
    {
        string examples = Path.Combine(CatalogTests.Root, "examples");
        foreach (var file in Directory.GetFiles(examples, "*.json", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "broken" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            string to = Path.Combine(target, Path.GetRelativePath(examples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    /// <summary>Edits a user makes: a map type turned one way, a name changed, a part deleted, a file cut short.</summary>
    public static TheoryData<string, string> Edits()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "maps/customers.json", "maps/contacts.json", "maps/currencies.json", "maps/vendors.json", "metadata/dataverse.json", "metadata/finance-and-operations.json", "connection-set.json", "project.json" })
        {
            foreach (var edit in new[] { "one-way", "rename", "truncate", "drop-lookups", "empty" })
            {
                data.Add(file, edit);
            }
        }

        return data;
    }

    private static string Apply(string text, string edit) => edit switch
    {
        "one-way" => text.Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal),
        "rename" => text.Replace("\"name\": \"", "\"name\": \"Renamed ", StringComparison.Ordinal),
        "truncate" => text[..(text.Length / 2)],
        "drop-lookups" => string.Join("\n", text.Split('\n').Where(l => !l.Contains(".msdyn_", StringComparison.Ordinal) && !l.Contains("\"target\"", StringComparison.Ordinal))),
        _ => string.Empty,
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void AnEditedFileGivesTheFindingsOfAFreshRun(string file, string edit)
    {
        var (config, files) = Discover();
        var workspace = LintWorkspace.Open(files, new LintOptions { Config = config });
        string path = Path.Combine(folder, file);
        File.WriteAllText(path, Apply(File.ReadAllText(path), edit));

        var update = workspace.Refresh([path]);
        var fresh = Linter.Run(files, new LintOptions { Config = config });

        Assert.Equal(Render(fresh), Render(update.Result));
        Assert.Contains(FileDiscovery.ToDisplayPath(path, folder), update.ChangedPaths);
    }

    /// <summary>
    /// Edits in an editor's buffer one after another, each compared with a fresh run on the same texts: those that
    /// leave what other maps are checked against (moving text, a suppression, a direction, a field renamed) re-check
    /// only the files they concern over the last sync graph, whose findings (a lookup into the map's own table,
    /// lookups to uncoupled tables, two writers) move with the text; the others (a lookup's key column, a table,
    /// a name) run the workspace stage on every file.
    /// </summary>
    [Fact]
    public void EditsOneAfterAnother_ReuseTheLastSyncGraph_AndGiveTheFindingsOfAFreshRun()
    {
        var (config, files) = Discover();
        var options = new LintOptions { Config = config };
        var workspace = LintWorkspace.Open(files, options);
        string path = Path.Combine(folder, "maps", "customers.json");
        string original = File.ReadAllText(path);
        Assert.Contains(workspace.Result.Diagnostics, d => d.Location.Path == "maps/customers.json" && d.Id.StartsWith("DIPV22", StringComparison.Ordinal));
        string text = original;
        var edits = new (string What, Func<string, string> Edit, bool Incremental)[]
        {
            ("lines inserted above every finding", t => t.Replace("{", "{\n\n", StringComparison.Ordinal), true),
            ("a stale suppression", t => t.Insert(t.IndexOf('{', StringComparison.Ordinal) + 1, " \"suppressions\": [{ \"rule\": \"DIPV9999\", \"justification\": \"test\" }],"), true),
            ("a mapping one way", t => t.Replace("\"direction\": \"=\"", "\"direction\": \">\"", StringComparison.Ordinal), true),
            ("a lookup's key column", t => t.Replace("msdyn_customergroupid.msdyn_groupid", "msdyn_customergroupid.msdyn_groupcode", StringComparison.Ordinal), false),
            ("the map renamed", t => t.Replace("\"name\": \"", "\"name\": \"Renamed ", StringComparison.Ordinal), false),
            ("back as it was", _ => original, false),
            ("lines inserted again", t => t.Replace("{", "{\n", StringComparison.Ordinal), true),
        };

        foreach (var (what, edit, incremental) in edits)
        {
            string next = edit(text);
            Assert.NotEqual(text, next);
            text = next;
            var update = workspace.Update(path, Encoding.UTF8.GetBytes(text));
            File.WriteAllText(path, text); // the fresh run reads the buffer's text from the file
            var fresh = Linter.Run(files, new LintOptions { Config = config });
            Assert.True(Render(fresh) == Render(update.Result), $"after {what}: the update's findings differ from a fresh run's");
            string spanning = update.Result.Phases.Single(p => p.Phase.StartsWith("rules spanning maps", StringComparison.Ordinal)).Phase;
            Assert.True(incremental == spanning.Contains(" of ", StringComparison.Ordinal), $"after {what}: {spanning}");
        }
    }

    [Fact]
    public void AnEditorBufferIsCheckedWithoutTouchingTheFile()
    {
        var (config, files) = Discover();
        var workspace = LintWorkspace.Open(files, new LintOptions { Config = config });
        Assert.DoesNotContain(workspace.Result.Diagnostics, d => d.Id == "DIPV1004");
        string path = Path.Combine(folder, "maps", "customers.json");
        string original = File.ReadAllText(path);

        var update = workspace.Update(path, Encoding.UTF8.GetBytes(Apply(original, "one-way")));

        Assert.Contains(update.FindingsOf("maps/customers.json"), d => d.Id == "DIPV1004");
        Assert.Equal(original, File.ReadAllText(path));

        // Closing the buffer (no content) reads the file again: back to no finding.
        var closed = workspace.Update(path, null);
        Assert.DoesNotContain(closed.Result.Diagnostics, d => d.Id == "DIPV1004");
        Assert.Contains("maps/customers.json", closed.ChangedPaths);
    }

    [Fact]
    public void DependentsFollowMetadataLookupsAndConfiguration()
    {
        var (config, files) = Discover();
        var workspace = LintWorkspace.Open(files, new LintOptions { Config = config });
        IReadOnlyList<string> Dependents(string relative) =>
            workspace.Dependencies.DependentsOf(Path.Combine(folder, relative)).Select(f => f.DisplayPath).ToList();

        // Accounts are looked up by contacts (a cycle) and by the sales headers; currencies by many maps.
        var ofCustomers = Dependents("maps/customers.json");
        Assert.Contains("maps/customers.json", ofCustomers);
        Assert.Contains("maps/contacts.json", ofCustomers);
        Assert.Contains("maps/sales-order-headers.json", ofCustomers);
        Assert.Contains("project.json", ofCustomers);
        Assert.DoesNotContain("maps/units.json", ofCustomers);
        Assert.DoesNotContain("metadata/dataverse.json", ofCustomers);

        // A map nobody looks up concerns itself (and the project naming maps) only; the service's records of
        // examples/service/ that hold a map of the same name are counted in too (by name: more is safe).
        Assert.Equal(["maps/sales-order-lines.json", "project.json", "service/project.json", "service/webapi/page-1.json"], Dependents("maps/sales-order-lines.json"));

        // Metadata concerns the maps that used its entities, not itself alone.
        var ofDataverse = Dependents("metadata/dataverse.json");
        Assert.Contains("maps/customers.json", ofDataverse);
        Assert.Contains("connection-set.json", ofDataverse);

        // The configuration concerns everything; a file outside the workspace nothing.
        Assert.Equal(files.Count, Dependents("maplint.json").Count);
        Assert.Empty(Dependents("elsewhere.json"));
    }

    [Fact]
    public void InputsNameEveryFileTheRunReads()
    {
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n[*.json]\ndotnet_diagnostic.DIPV2105.severity = none\n");
        var (config, files) = Discover();
        var inputs = LintWorkspace.Open(files, new LintOptions { Config = config }).Inputs;

        Assert.Equal(Path.Combine(folder, "maplint.json"), inputs.ConfigFile);
        Assert.Equal([Path.Combine(folder, ".editorconfig")], inputs.EditorConfigFiles);
        Assert.Equal(files.Select(f => f.FullPath).Order(StringComparer.Ordinal), inputs.Documents);
        Assert.Contains(Path.Combine(folder, "maps", "customers.json"), inputs.Files);
        Assert.Contains(Path.Combine(folder, "maplint.json"), inputs.Files);
    }

    private (MapLintConfig Config, IReadOnlyList<WorkspaceFile> Files) Discover()
    {
        var config = ConfigLoader.Load(null, folder, folder)!.Config;
        return (config, FileDiscovery.Discover([folder], folder, config).Files);
    }

    internal static string Render(LintResult result) =>
        string.Join("\n", result.Diagnostics.Select(d => $"{d} | {d.Severity} | {d.LogicalLocation} | {d.IsSuppressed} | {d.JsonPath} | {d.Location.Span.Start}-{d.Location.Span.End}"))
        + "\n" + string.Join("\n", result.Notes) + "\n" + result.DocumentCount;
}
