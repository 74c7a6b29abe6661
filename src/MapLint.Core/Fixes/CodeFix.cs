using MapLint.Diagnostics;
using MapLint.Text;

namespace MapLint.Fixes;

/// <summary>A replacement of a byte span of a document's UTF-8 text; an empty span inserts, empty text deletes.</summary>
public readonly record struct TextEdit(TextSpan Span, string NewText);

/// <summary>
/// Safe fixes keep what the author evidently meant and are applied by <c>maplint fix</c>; unsafe ones make a
/// guess (a name that is only close) and need <c>--unsafe</c>, as in ruff. A suppression is offered in the editor only.
/// </summary>
public enum FixSafety
{
    Safe,
    Unsafe,
    Suppression,
}

/// <summary>One way to resolve one finding: a title for the editor and the edits to its document.</summary>
public sealed record CodeFix(string Title, Diagnostic Diagnostic, FixSafety Safety, IReadOnlyList<TextEdit> Edits);
