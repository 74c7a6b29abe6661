using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Syntax;

namespace MapLint.Fixes;

/// <summary>
/// DIPV1029: the repeated value-map entry is removed. Safe when an earlier entry is the same pair; unsafe when
/// it translates the value differently, since keeping the first translation is then a guess.
/// </summary>
public sealed class DuplicateValueMapEntryFix : FixProvider
{
    public override IReadOnlyList<string> FixableDiagnosticIds => ["DIPV1029"];

    public override CodeFix? Offer(Diagnostic diagnostic, FixDocument document)
    {
        if (document.Find(diagnostic.JsonPath)?.Parent is not JsonObject entry || entry.Parent is not JsonArray valueMap)
        {
            return null;
        }

        var pair = Pair(entry);
        bool same = false;
        for (int i = 0; i < entry.Index; i++)
        {
            same |= valueMap.Items[i] is JsonObject earlier && Pair(earlier) == pair;
        }

        string title = same
            ? $"Remove the repeated value-map entry {pair.Source} → {pair.Destination}"
            : $"Remove value-map entry {pair.Source} → {pair.Destination}, keeping the earlier translation";
        return new CodeFix(title, diagnostic, same ? FixSafety.Safe : FixSafety.Unsafe, [JsonEdits.RemoveItem(valueMap, entry.Index)]);
    }

    private static (string? Source, string? Destination) Pair(JsonObject entry) =>
        (entry.Get("source") is { } s ? Transform.ScalarText(s) : null, entry.Get("destination") is { } d ? Transform.ScalarText(d) : null);
}
