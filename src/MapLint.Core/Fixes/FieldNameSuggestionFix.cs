using MapLint.Diagnostics;
using MapLint.Syntax;

namespace MapLint.Fixes;

/// <summary>
/// DIPV1022 / DIPV1025: a field name that metadata does not have is renamed to the close name it does have.
/// Unsafe: closeness is a guess, and the right field may be another one.
/// </summary>
public sealed class FieldNameSuggestionFix : FixProvider
{
    public override IReadOnlyList<string> FixableDiagnosticIds => ["DIPV1022", "DIPV1025"];

    public override CodeFix? Offer(Diagnostic diagnostic, FixDocument document)
    {
        if (!diagnostic.Properties.TryGetValue("replacement", out var replacement) || document.Find(diagnostic.JsonPath) is not JsonString field || field.Value == replacement)
        {
            return null;
        }

        return new CodeFix($"Rename '{field.Value}' to '{replacement}'", diagnostic, FixSafety.Unsafe, [JsonEdits.Replace(field, JsonEdits.Quote(replacement))]);
    }
}
