using System.Collections.Immutable;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Semantics;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Analysis;

/// <summary>What an analyzer action sees: the semantic model, the node, and a way to report on its document.</summary>
public abstract class AnalysisContext
{
    private readonly DiagnosticBag bag;

    private protected AnalysisContext(SemanticModel model, MapLintDocument document, DiagnosticBag bag)
    {
        Model = model;
        Document = document;
        this.bag = bag;
    }

    public SemanticModel Model { get; }

    public MapLintDocument Document { get; }

    /// <summary>Reports at a syntax node or a bound part of a map; the diagnostic carries its JSON path.</summary>
    public void Report(DiagnosticDescriptor descriptor, ISyntaxAnchor node, params object?[] arguments) =>
        bag.Add(descriptor, node.Span, node.Path, arguments);

    public void Report(DiagnosticDescriptor descriptor, ISyntaxAnchor node, ImmutableDictionary<string, string> properties, params object?[] arguments) =>
        bag.Add(descriptor, node.Span, node.Path, properties, arguments);

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, string? jsonPath, params object?[] arguments) =>
        bag.Add(descriptor, span, jsonPath, arguments);

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, string? jsonPath, ImmutableDictionary<string, string> properties, params object?[] arguments) =>
        bag.Add(descriptor, span, jsonPath, properties, arguments);

    public static ImmutableDictionary<string, string> Properties(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableDictionary(p => p.Key, p => p.Value);
}

public sealed class TableMapAnalysisContext : AnalysisContext
{
    internal TableMapAnalysisContext(SemanticModel model, TableMap map, DiagnosticBag bag)
        : base(model, map, bag)
    {
        TableMap = map;
    }

    public TableMap TableMap { get; }
}

public sealed class FieldMappingAnalysisContext : AnalysisContext
{
    internal FieldMappingAnalysisContext(SemanticModel model, FieldMapping mapping, DiagnosticBag bag)
        : base(model, mapping.Map, bag)
    {
        FieldMapping = mapping;
    }

    public FieldMapping FieldMapping { get; }

    public TableMap TableMap => FieldMapping.Map;
}

public sealed class ConnectionSetAnalysisContext : AnalysisContext
{
    internal ConnectionSetAnalysisContext(SemanticModel model, ConnectionSet set, DiagnosticBag bag)
        : base(model, set, bag)
    {
        ConnectionSet = set;
    }

    public ConnectionSet ConnectionSet { get; }
}

public sealed class ProjectAnalysisContext : AnalysisContext
{
    internal ProjectAnalysisContext(SemanticModel model, Project project, DiagnosticBag bag)
        : base(model, project, bag)
    {
        Project = project;
    }

    public Project Project { get; }
}

/// <summary>
/// What a Business Central rule sees: the repository's AL model (tables, proxy tables, integration mappings)
/// and the semantic model of the JSON documents (for Dataverse metadata). Findings land on the AL file they
/// point into.
/// </summary>
public sealed class BusinessCentralAnalysisContext
{
    private readonly Func<BusinessCentral.AlFile, DiagnosticBag> bagOf;

    internal BusinessCentralAnalysisContext(SemanticModel model, BusinessCentral.BusinessCentralApp app, Func<BusinessCentral.AlFile, DiagnosticBag> bagOf)
    {
        Model = model;
        App = app;
        this.bagOf = bagOf;
    }

    public SemanticModel Model { get; }

    public BusinessCentral.BusinessCentralApp App { get; }

    private readonly HashSet<(string, BusinessCentral.AlFile, int, int, string)> reported = [];

    /// <summary>
    /// Reports once per rule, place and message: a wrapper reached from two call sites yields the same places twice.
    /// </summary>
    public void Report(DiagnosticDescriptor descriptor, BusinessCentral.AlLocation location, params object?[] arguments)
    {
        string message = descriptor.FormatMessage(arguments);
        lock (reported)
        {
            if (!reported.Add((descriptor.Id, location.File, location.Span.Start, location.Span.End, message)))
            {
                return;
            }

            bagOf(location.File).Add(descriptor, location.Span, null, arguments);
        }
    }
}
