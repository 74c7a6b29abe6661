using System.Collections.Immutable;
using MapLint.Text;

namespace MapLint.Diagnostics;

/// <summary>Collects the diagnostics of one document; not thread-safe, one bag per document.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> diagnostics = new();

    public DiagnosticBag(string path, SourceText? text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path findings are reported at: the file's, or an entry's inside it (a solution .zip's customizations.xml).</summary>
    public string Path { get; set; }

    public SourceText? Text { get; set; }

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public bool HasErrors => diagnostics.Exists(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    public void Add(DiagnosticDescriptor descriptor, TextSpan span, string? jsonPath, params object?[] arguments) =>
        Add(descriptor, span, jsonPath, null, arguments);

    public void Add(DiagnosticDescriptor descriptor, TextSpan span, string? jsonPath, ImmutableDictionary<string, string>? properties, params object?[] arguments) =>
        diagnostics.Add(Diagnostic.Create(descriptor, new Location(Path, Text, span), jsonPath, properties, arguments));
}
