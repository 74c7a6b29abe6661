using MapLint.Diagnostics;
using MapLint.Syntax;

namespace MapLint.Fixes;

/// <summary>
/// DIPV1014: a row mapping the key field both ways from the other side's field of the same name (publisher
/// prefix aside, as the analyzer found it in metadata) is added after the last mapping, in the rows' style. Safe.
/// </summary>
public sealed class MissingKeyFieldFix : FixProvider
{
    public override IReadOnlyList<string> FixableDiagnosticIds => ["DIPV1014"];

    public override CodeFix? Offer(Diagnostic diagnostic, FixDocument document)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue("field", out var field) || !properties.TryGetValue("counterpart", out var counterpart) || !properties.TryGetValue("side", out var side)
            || document.Root is not JsonObject root)
        {
            return null;
        }

        var (source, destination) = side == "source" ? (field, counterpart) : (counterpart, field);
        var mappings = root.GetArray("mappings");
        bool padded = mappings is { Items.Count: > 0 } && document.GetText(mappings.Items[mappings.Items.Count - 1].Span).StartsWith("{ ", StringComparison.Ordinal);
        string row = padded
            ? $"{{ \"source\": {JsonEdits.Quote(source)}, \"direction\": \"=\", \"destination\": {JsonEdits.Quote(destination)} }}"
            : $"{{\"source\": {JsonEdits.Quote(source)}, \"direction\": \"=\", \"destination\": {JsonEdits.Quote(destination)}}}";
        var edit = mappings is not null ? JsonEdits.AppendItem(document, mappings, row) : JsonEdits.AddProperty(document, root, "mappings", "[" + row + "]");
        return new CodeFix($"Map key field '{field}' from '{counterpart}'", diagnostic, FixSafety.Safe, [edit]);
    }
}
