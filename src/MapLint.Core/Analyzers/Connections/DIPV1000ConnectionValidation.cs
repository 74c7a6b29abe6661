using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;

namespace MapLint.Analyzers.Connections;

/// <summary>DIPV1000: a connection is incomplete or points nowhere, or a project names a connection set that does not exist.</summary>
public sealed class DIPV1000ConnectionValidation : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1000", "Connection validation failed", "{0}", RuleCategory.Connection);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    private const int MaxSuggestions = 100;

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterConnectionSetAction(CheckConnections);
        registration.RegisterProjectAction(CheckProjectConnectionSet);
    }

    private static void CheckConnections(ConnectionSetAnalysisContext context)
    {
        var set = context.ConnectionSet;
        int suggestionsLeft = MaxSuggestions;
        foreach (var connection in set.Connections)
        {
            if (connection.App is null)
            {
                context.Report(Descriptor, connection.NameSpan, connection.Syntax.Path, $"Connection '{connection.Name}' does not say which app it connects to; add an 'app'.");
            }

            if (connection.Environment is not { } environmentName)
            {
                context.Report(Descriptor, connection.NameSpan, connection.Syntax.Path, $"Connection '{connection.Name}' names no environment; add the 'environment' it reaches.");
                continue;
            }

            var environment = set.FindEnvironment(environmentName.Value);
            if (environment is null)
            {
                // Each suggestion compares with every environment: past a budget the hint is left out, so a set of
                // thousands of unknown environments costs linear time, not connections × environments.
                string hint = suggestionsLeft-- > 0 ? NameSuggester.Hint(NameSuggester.Suggest(environmentName.Value, set.Environments.Select(e => e.Name))) : string.Empty;
                context.Report(Descriptor, environmentName.Span, connection.Syntax.Path + ".environment", $"Connection '{connection.Name}' reaches environment '{environmentName.Value}', which this connection set does not define.{hint}");
            }
            else if (connection.App is { } app && environment.App is { } environmentApp && !Apps.NameComparer.Equals(app.Value, environmentApp.Value))
            {
                context.Report(Descriptor, app.Span, connection.Syntax.Path + ".app", $"Connection '{connection.Name}' is a {app.Value} connection but environment '{environment.Name}' runs {environmentApp.Value}; use a connection of the environment's app.");
            }
        }
    }

    private static void CheckProjectConnectionSet(ProjectAnalysisContext context)
    {
        if (context.Project.ConnectionSetName is { } name && context.Model.FindConnectionSet(name.Value) is null)
        {
            string hint = NameSuggester.Hint(NameSuggester.Suggest(name.Value, context.Model.ConnectionSets.Select(c => c.Name)));
            context.Report(Descriptor, name.Span, "$.connectionSet", $"Project '{context.Project.Name}' uses connection set '{name.Value}', which is not defined in the workspace.{hint}");
        }
    }
}
