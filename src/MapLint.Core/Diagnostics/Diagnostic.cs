using System.Collections.Immutable;

namespace MapLint.Diagnostics;

/// <summary>
/// One finding. Besides code, place and message it carries the JSON path of the offending node and a bag of
/// properties (for example the suggested name) so a code fix can be attached later without re-deriving intent.
/// </summary>
public sealed class Diagnostic
{
    public Diagnostic(DiagnosticDescriptor descriptor, Location location, string message, Severity severity, string? jsonPath, ImmutableDictionary<string, string>? properties)
    {
        Descriptor = descriptor;
        Location = location;
        Message = message;
        Severity = severity;
        JsonPath = jsonPath;
        Properties = properties ?? ImmutableDictionary<string, string>.Empty;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    public Location Location { get; }

    public string Message { get; }

    public Severity Severity { get; }

    /// <summary>JSON path of the node the diagnostic is about, e.g. <c>$.mappings[3].destination</c>.</summary>
    public string? JsonPath { get; }

    public ImmutableDictionary<string, string> Properties { get; }

    /// <summary>True when a suppression in the document covers this finding; it is kept (SARIF marks it) but does not count.</summary>
    public bool IsSuppressed { get; private init; }

    /// <summary>The justification of the suppression that covers this finding.</summary>
    public string? SuppressionJustification { get; private init; }

    /// <summary>
    /// Where the finding is, independent of line numbers: document name plus the mapping's fields or the JSON path
    /// without indexes. Baselines key on it so unrelated edits do not invalidate them.
    /// </summary>
    public string? LogicalLocation { get; private init; }

    public Diagnostic WithSeverity(Severity severity) => Copy(severity, IsSuppressed, SuppressionJustification, LogicalLocation);

    public Diagnostic AsSuppressed(string justification) => Copy(Severity, true, justification, LogicalLocation);

    public Diagnostic WithLogicalLocation(string logicalLocation) => Copy(Severity, IsSuppressed, SuppressionJustification, logicalLocation);

    /// <summary>The same finding with other properties (the map and field mapping a service record's finding is in).</summary>
    public Diagnostic WithProperties(ImmutableDictionary<string, string> properties) =>
        new(Descriptor, Location, Message, Severity, JsonPath, properties)
        {
            IsSuppressed = IsSuppressed,
            SuppressionJustification = SuppressionJustification,
            LogicalLocation = LogicalLocation,
        };

    /// <summary>A finished finding as a run kept it (the engine's record of its last run).</summary>
    internal static Diagnostic Restore(DiagnosticDescriptor descriptor, Location location, string message, Severity severity, string? jsonPath, ImmutableDictionary<string, string> properties, bool suppressed, string? justification, string? logicalLocation) =>
        new(descriptor, location, message, severity, jsonPath, properties)
        {
            IsSuppressed = suppressed,
            SuppressionJustification = justification,
            LogicalLocation = logicalLocation,
        };

    private Diagnostic Copy(Severity severity, bool suppressed, string? justification, string? logicalLocation) =>
        new(Descriptor, Location, Message, severity, JsonPath, Properties)
        {
            IsSuppressed = suppressed,
            SuppressionJustification = justification,
            LogicalLocation = logicalLocation,
        };

    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, string? jsonPath = null, ImmutableDictionary<string, string>? properties = null, params object?[] arguments) =>
        new(descriptor, location, Secrets.Credentials.Redact(descriptor.FormatMessage(arguments)), descriptor.DefaultSeverity, jsonPath, properties);

    public override string ToString()
    {
        var start = Location.LineSpan.Start;
        return $"{Location.Path}({start.Line},{start.Column}): {Severity.ToDisplayString()} {Id}: {Message}";
    }
}

/// <summary>Total order on diagnostics so output is byte-identical whatever order documents were analyzed in.</summary>
public sealed class DiagnosticComparer : IComparer<Diagnostic>
{
    public static readonly DiagnosticComparer Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int c = string.CompareOrdinal(x.Location.Path, y.Location.Path);
        if (c != 0)
        {
            return c;
        }

        c = x.Location.Span.Start.CompareTo(y.Location.Span.Start);
        if (c != 0)
        {
            return c;
        }

        c = x.Location.Span.End.CompareTo(y.Location.Span.End);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
