using MapLint.Diagnostics;

namespace MapLint.Fixes;

/// <summary>
/// Turns a finding into edits, from the finding's place, JSON path and properties and the document's text alone:
/// what the analyzer knew (a suggested name, the field that pairs with a key field) it put in the properties.
/// </summary>
public abstract class FixProvider
{
    public abstract IReadOnlyList<string> FixableDiagnosticIds { get; }

    /// <summary>The fix for the finding, or null when the text no longer has what the finding pointed at.</summary>
    public abstract CodeFix? Offer(Diagnostic diagnostic, FixDocument document);
}
