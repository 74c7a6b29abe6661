namespace MapLint.Reporting;

/// <summary>The rule pages (docs/rules/ID.md), embedded in the assembly so every front can show them offline.</summary>
public static class RuleDocumentation
{
    public static string? Page(string id)
    {
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream($"MapLint.Rules.{id.ToUpperInvariant()}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A section's text ("Cause", "How to fix") as one paragraph, or null.</summary>
    public static string? Section(string id, string heading)
    {
        if (Page(id) is not { } page)
        {
            return null;
        }

        string marker = "\n## " + heading + "\n";
        int start = page.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        int end = page.IndexOf("\n## ", start, StringComparison.Ordinal);
        return string.Join(" ", page[start..(end < 0 ? page.Length : end)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }
}
