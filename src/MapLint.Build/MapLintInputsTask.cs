using MapLint.Configuration;
using MapLint.Engine;
using MapLint.Workspace;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MapLint.Build;

/// <summary>
/// The files the lint reads, from the engine itself (<see cref="RunInputs"/>, as the engine computes them): the documents, the configuration
/// found by walking up (not only a given MapLintConfig), the .editorconfig files, and the metadata and exports the
/// configuration's globs name. They are the lint target's Inputs, so a change to any of them runs it again.
/// </summary>
public sealed class MapLintInputsTask : Microsoft.Build.Utilities.Task
{
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    public string? ConfigFile { get; set; }

    [Output]
    public ITaskItem[] Inputs { get; private set; } = [];

    public override bool Execute()
    {
        var loaded = ConfigLoader.Load(string.IsNullOrEmpty(ConfigFile) ? null : ConfigFile, ProjectDirectory, ProjectDirectory);
        var documents = Files.Select(f => f.GetMetadata("FullPath") is { Length: > 0 } full ? full : Path.GetFullPath(f.ItemSpec)).ToList();
        if (loaded is null)
        {
            Inputs = documents.Select(path => (ITaskItem)new TaskItem(path)).ToArray();
            return true;
        }

        // The files the lint task will give the engine (the items and the metadata the configuration names), and
        // what the engine reads besides them.
        var files = documents.Select(d => new WorkspaceFile(d, d))
            .Concat(FileDiscovery.Discover([], ProjectDirectory, loaded.Config).Files)
            .ToList();
        var inputs = RunInputs.For(loaded.Config, files).Files;
        Inputs = inputs.Select(path => (ITaskItem)new TaskItem(path)).ToArray();
        return true;
    }
}
