using System.Text;
using MapLint.Fixes;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Fixes;

/// <summary>The editor's "suppress with justification": the inserted suppression covers the finding, on the mapping or the document, and is well formed.</summary>
public class SuppressionActionTests
{
    private static readonly string Case = Path.Combine(CatalogTests.Root, "tests", "MapLint.Core.Tests", "Fixes", "Cases", "DIPV1004-key-field-one-way", "input");

    private static List<(string Path, byte[] Content)> Input() =>
        Directory.GetFiles(Case, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

    [Theory]
    [InlineData(0, "mapping")]
    [InlineData(1, "document")]
    public void SuppressAction_SuppressesTheFinding_AndLeavesNoUnusedSuppression(int which, string scope)
    {
        var input = Input();
        var finding = Linter.Run(input).Diagnostics.Single(d => d.Id == "DIPV1004");
        var map = input.Single(i => i.Path == "map.json");
        var actions = CodeFixes.Suppressions(finding, new FixDocument(map.Content));
        Assert.Equal(2, actions.Count);
        Assert.Contains(scope, actions[which].Title, StringComparison.Ordinal);

        var suppressed = CodeFixes.Apply(map.Content, actions[which].Edits);
        var after = input.Select(i => i.Path == "map.json" ? (i.Path, suppressed) : i).ToList();
        var diagnostics = Linter.Run(after).Diagnostics.Where(d => d.Location.Path == "map.json").ToList();
        Assert.True(diagnostics.Single(d => d.Id == "DIPV1004").IsSuppressed);
        Assert.Equal(CodeFixes.Justification, diagnostics.Single(d => d.Id == "DIPV1004").SuppressionJustification);
        Assert.DoesNotContain(diagnostics, d => d.Id is "DIPV2009" or "DIPV2000" or "DIPV2001");

        // Only the inserted text is new: the original bytes are all there, in order.
        var edit = Assert.Single(actions[which].Edits);
        Assert.Equal(0, edit.Span.Length);
        int inserted = suppressed.Length - map.Content.Length;
        byte[] without = [.. suppressed.AsSpan(0, edit.Span.Start), .. suppressed.AsSpan(edit.Span.Start + inserted)];
        Assert.Equal(map.Content, without);
        Assert.Equal(edit.NewText, Encoding.UTF8.GetString(suppressed, edit.Span.Start, inserted));
    }
}
