using MapLint.Diagnostics;
using MapLint.Syntax;

namespace MapLint.Fixes;

/// <summary>DIPV2009: the suppression that matches nothing is removed, and its <c>suppressions</c> property when it was the only one. Safe.</summary>
public sealed class UnusedSuppressionFix : FixProvider
{
    public override IReadOnlyList<string> FixableDiagnosticIds => ["DIPV2009"];

    public override CodeFix? Offer(Diagnostic diagnostic, FixDocument document)
    {
        if (document.Find(diagnostic.JsonPath)?.Parent is not JsonObject suppression || suppression.Parent is not JsonArray list || list.Parent is not JsonObject owner)
        {
            return null;
        }

        var edit = list.Items.Count == 1 && owner.GetProperty("suppressions") is { } property && ReferenceEquals(property.Value, list)
            ? JsonEdits.RemoveProperty(owner, property)
            : JsonEdits.RemoveItem(list, suppression.Index);
        string rule = suppression.GetString("rule") ?? "?";
        return new CodeFix($"Remove the unused suppression of {rule}", diagnostic, FixSafety.Safe, [edit]);
    }
}
