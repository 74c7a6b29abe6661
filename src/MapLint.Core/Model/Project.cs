using MapLint.Syntax;

namespace MapLint.Model;

/// <summary>A Data Integrator project: a connection set and the tasks that run maps between its environments.</summary>
public sealed class Project : MapLintDocument
{
    internal Project(SourceFile file, JsonObject root)
        : base(file, root)
    {
        ConnectionSetName = NameReference.From(root.Get("connectionSet"));
        Tasks = ConnectionSet.Items(root, "tasks").Select(o => new ProjectTask(this, o)).ToList();
    }

    public override DocumentKind Kind => DocumentKind.Project;

    public NameReference? ConnectionSetName { get; }

    public IReadOnlyList<ProjectTask> Tasks { get; }

    /// <summary>For a Data Integration project document: the DIPV codes its own validationIssues already list.</summary>
    public IReadOnlyList<ServiceValidationIssue> ServiceIssues { get; internal set; } = [];
}

public sealed class ProjectTask
{
    internal ProjectTask(Project project, JsonObject syntax)
    {
        Project = project;
        Syntax = syntax;
        Name = syntax.GetString("name") ?? string.Empty;
        SourceEnvironment = NameReference.From(syntax.Get("source"));
        DestinationEnvironment = NameReference.From(syntax.Get("destination"));
        MapName = NameReference.From(syntax.Get("map"));
    }

    public Project Project { get; }

    public JsonObject Syntax { get; }

    public string Name { get; }

    public NameReference? SourceEnvironment { get; }

    public NameReference? DestinationEnvironment { get; }

    public NameReference? MapName { get; }
}
