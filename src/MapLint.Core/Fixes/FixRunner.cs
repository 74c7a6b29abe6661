using MapLint.Diagnostics;

namespace MapLint.Fixes;

/// <summary>A document a fix run changed: its text before and after, and the fixes applied, every round's.</summary>
public sealed record FixedDocument(string Path, byte[] Original, byte[] Fixed, IReadOnlyList<CodeFix> Applied);

/// <summary>
/// Fixes a workspace to a fixed point: lint, apply each document's non-overlapping fixes, lint the new text
/// again (a fix can enable another, or an overlapping one waited), until a round has nothing left to apply.
/// Running it on its own output therefore changes nothing.
/// </summary>
public static class FixRunner
{
    /// <summary>Rounds before giving up on a workspace whose fixes keep enabling others (none do today).</summary>
    public const int MaxRounds = 10;

    public static IReadOnlyList<FixedDocument> Run(
        IReadOnlyList<(string Path, byte[] Content)> documents,
        Func<IReadOnlyList<(string Path, byte[] Content)>, IReadOnlyList<Diagnostic>> lint,
        Func<string, bool> shouldFix,
        bool includeUnsafe)
    {
        var current = documents.ToArray();
        var applied = new List<CodeFix>?[current.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < current.Length; i++)
        {
            index[current[i].Path] = i;
        }

        for (int round = 0; round < MaxRounds; round++)
        {
            bool changed = false;
            foreach (var group in lint(current).GroupBy(d => d.Location.Path, StringComparer.Ordinal))
            {
                if (!index.TryGetValue(group.Key, out int i) || !shouldFix(group.Key))
                {
                    continue;
                }

                var fixes = CodeFixes.Choose(group, new FixDocument(current[i].Content), includeUnsafe);
                if (fixes.Count == 0)
                {
                    continue;
                }

                current[i] = (current[i].Path, CodeFixes.Apply(current[i].Content, fixes.SelectMany(f => f.Edits)));
                (applied[i] ??= []).AddRange(fixes);
                changed = true;
            }

            if (!changed)
            {
                break;
            }
        }

        var result = new List<FixedDocument>();
        for (int i = 0; i < current.Length; i++)
        {
            if (applied[i] is { } fixes && !current[i].Content.AsSpan().SequenceEqual(documents[i].Content))
            {
                result.Add(new FixedDocument(current[i].Path, documents[i].Content, current[i].Content, fixes));
            }
        }

        return result;
    }
}
