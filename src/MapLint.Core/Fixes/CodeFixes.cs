using System.Text;
using MapLint.Diagnostics;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Fixes;

/// <summary>The fixes MapLint offers, how a document's fixes are chosen so none overlaps, and how edits are applied.</summary>
public static class CodeFixes
{
    public static readonly IReadOnlyList<FixProvider> BuiltIn =
    [
        new KeyFieldDirectionFix(),
        new MissingKeyFieldFix(),
        new DuplicateValueMapEntryFix(),
        new FieldNameSuggestionFix(),
        new UnusedSuppressionFix(),
        new SingleEqualsFix(),
    ];

    private static readonly Dictionary<string, FixProvider> ById = BuiltIn
        .SelectMany(p => p.FixableDiagnosticIds.Select(id => (id, p)))
        .ToDictionary(x => x.id, x => x.p, StringComparer.Ordinal);

    public static bool HasFix(string diagnosticId) => ById.ContainsKey(diagnosticId);

    /// <summary>The fix for a finding, or null; suppressed findings have none.</summary>
    public static CodeFix? For(Diagnostic diagnostic, FixDocument document) =>
        !diagnostic.IsSuppressed && ById.TryGetValue(diagnostic.Id, out var provider) ? provider.Offer(diagnostic, document) : null;

    /// <summary>
    /// The fixes of a document's findings that can be applied together: safe ones (and unsafe ones when asked),
    /// in text order, each skipped when it overlaps one taken before (a later round takes it, on the new text).
    /// A fix identical to one taken (two findings about one entry) is taken once.
    /// </summary>
    public static IReadOnlyList<CodeFix> Choose(IEnumerable<Diagnostic> diagnostics, FixDocument document, bool includeUnsafe)
    {
        var chosen = new List<CodeFix>();
        var taken = new List<TextEdit>();
        var candidates = diagnostics
            .Select(d => For(d, document))
            .OfType<CodeFix>()
            .Where(f => f.Safety == FixSafety.Safe || (includeUnsafe && f.Safety == FixSafety.Unsafe))
            .OrderBy(f => f.Edits.Min(e => e.Span.Start))
            .ThenBy(f => f.Diagnostic, DiagnosticComparer.Instance);
        foreach (var fix in candidates)
        {
            if (fix.Edits.All(taken.Contains))
            {
                continue;
            }

            if (fix.Edits.Any(e => taken.Any(t => Overlaps(e.Span, t.Span))))
            {
                continue;
            }

            chosen.Add(fix);
            taken.AddRange(fix.Edits);
        }

        return chosen;
    }

    /// <summary>Two edits conflict when their spans intersect, or when both insert at one place (their order would be a guess).</summary>
    private static bool Overlaps(TextSpan a, TextSpan b) =>
        (a.Start < b.End && b.Start < a.End) || a.Start == b.Start || (a.Length == 0 && a.Start > b.Start && a.Start < b.End) || (b.Length == 0 && b.Start > a.Start && b.Start < a.End);

    /// <summary>The text with non-overlapping edits applied; bytes outside the edited spans are kept as they were.</summary>
    public static byte[] Apply(byte[] utf8, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.Distinct().OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        using var output = new MemoryStream(utf8.Length + 64);
        int position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Span.Start < position || edit.Span.End > utf8.Length)
            {
                throw new ArgumentException("edits overlap or fall outside the text", nameof(edits));
            }

            output.Write(utf8, position, edit.Span.Start - position);
            var replacement = Encoding.UTF8.GetBytes(edit.NewText);
            output.Write(replacement, 0, replacement.Length);
            position = edit.Span.End;
        }

        output.Write(utf8, position, utf8.Length - position);
        return output.ToArray();
    }

    /// <summary>
    /// The editor's "suppress with justification": a suppression of the finding's rule on its mapping (when it
    /// is inside one) and on the document, added to an existing <c>suppressions</c> list or as a new one. The
    /// justification is a placeholder to overwrite: a suppression says why.
    /// </summary>
    public static IReadOnlyList<CodeFix> Suppressions(Diagnostic diagnostic, FixDocument document)
    {
        if (diagnostic.IsSuppressed || diagnostic.Id == Analysis.Suppressions.Unused.Id || document.Root is not JsonObject root || root.Get("kind") is null)
        {
            return [];
        }

        string entry = $"{{ \"rule\": {JsonEdits.Quote(diagnostic.Id)}, \"justification\": {JsonEdits.Quote(Justification)} }}";
        var result = new List<CodeFix>();
        var span = diagnostic.Location.Span;
        if (root.GetArray("mappings") is { } mappings && mappings.Items.OfType<JsonObject>().FirstOrDefault(m => m.Span.Start <= span.Start && span.End <= m.Span.End) is { } mapping)
        {
            result.Add(new CodeFix($"Suppress {diagnostic.Id} on this mapping (with a justification)", diagnostic, FixSafety.Suppression, [Add(mapping)]));
        }

        result.Add(new CodeFix($"Suppress {diagnostic.Id} in this document (with a justification)", diagnostic, FixSafety.Suppression, [Add(root)]));
        return result;

        TextEdit Add(JsonObject owner) => owner.GetArray("suppressions") is { } list
            ? JsonEdits.AppendItem(document, list, entry)
            : JsonEdits.AddProperty(document, owner, "suppressions", "[" + entry + "]");
    }

    /// <summary>The placeholder justification of an added suppression.</summary>
    public const string Justification = "Say why this finding is accepted.";
}
