using MapLint.Configuration;
using MapLint.Workspace;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MapLint.Build;

/// <summary>
/// The files the lint reads, from the engine itself (<see cref="RunInputs"/>): the documents, the configuration
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
        var documents = Files.Select(f => f.GetMetadata("FullPath") is { Length: > 0 } full ? full : Path.GetFullPath(f.ItemSpec));
        var inputs = loaded is null ? documents.ToList() : RunInputs.Files(documents, loaded, ProjectDirectory);
        Inputs = inputs.Select(path => (ITaskItem)new TaskItem(path)).ToArray();
        return true;
    }
}
