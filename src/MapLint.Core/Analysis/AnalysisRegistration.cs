namespace MapLint.Analysis;

/// <summary>What an analyzer asks to be called for; the engine walks the model once and calls them.</summary>
public sealed class AnalysisRegistration
{
    internal List<Action<TableMapAnalysisContext>> TableMapActions { get; } = new();

    internal List<Action<FieldMappingAnalysisContext>> FieldMappingActions { get; } = new();

    internal List<Action<ConnectionSetAnalysisContext>> ConnectionSetActions { get; } = new();

    internal List<Action<ProjectAnalysisContext>> ProjectActions { get; } = new();

    internal List<Action<BusinessCentralAnalysisContext>> BusinessCentralActions { get; } = new();

    public void RegisterTableMapAction(Action<TableMapAnalysisContext> action) => TableMapActions.Add(action);

    public void RegisterFieldMappingAction(Action<FieldMappingAnalysisContext> action) => FieldMappingActions.Add(action);

    public void RegisterConnectionSetAction(Action<ConnectionSetAnalysisContext> action) => ConnectionSetActions.Add(action);

    public void RegisterProjectAction(Action<ProjectAnalysisContext> action) => ProjectActions.Add(action);

    /// <summary>Called once per run with the repository's Business Central model (AL tables and integration mappings).</summary>
    public void RegisterBusinessCentralAction(Action<BusinessCentralAnalysisContext> action) => BusinessCentralActions.Add(action);
}
