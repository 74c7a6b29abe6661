using MapLint.Diagnostics;

namespace MapLint.Fixes;

/// <summary>DIPV2101: the single '=' of a finance and operations query range becomes '=='. Safe.</summary>
public sealed class SingleEqualsFix : FixProvider
{
    public override IReadOnlyList<string> FixableDiagnosticIds => ["DIPV2101"];

    public override CodeFix? Offer(Diagnostic diagnostic, FixDocument document)
    {
        var span = diagnostic.Location.Span;
        if (span.End > document.Utf8.Length || document.GetText(span) != "=")
        {
            return null;
        }

        return new CodeFix("Compare with '=='", diagnostic, FixSafety.Safe, [new TextEdit(span, diagnostic.Properties.GetValueOrDefault("replacement") ?? "==")]);
    }
}
