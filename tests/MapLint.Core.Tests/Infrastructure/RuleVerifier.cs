using System.Text;
using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Tests.Infrastructure;

/// <summary>
/// Runs the engine on documents written with inline markup, Roslyn style: <c>{|DIPV1004:"accountnumber"|}</c>
/// marks where a diagnostic with that id is expected. Every diagnostic the run reports must be marked and
/// every mark must be reported (code and exact span); the diagnostics are returned so tests check messages.
/// Suppressed findings are not reported, so they are not expected either.
/// </summary>
public static class RuleVerifier
{
    public static IReadOnlyList<Diagnostic> Verify(params (string Path, string Markup)[] documents) =>
        Verify(true, null, documents);

    public static IReadOnlyList<Diagnostic> VerifyWithoutFixture(params (string Path, string Markup)[] documents) =>
        Verify(false, null, documents);

    /// <summary>The fixture's metadata without its connection set, for cases that bring their own.</summary>
    public static IReadOnlyList<Diagnostic> VerifyWithMetadataOnly(params (string Path, string Markup)[] documents) =>
        Verify(false, null, [("fixture/fo-metadata.json", Fixture.FinanceAndOperationsMetadata), ("fixture/dataverse-metadata.json", Fixture.DataverseMetadata), .. documents]);

    public static IReadOnlyList<Diagnostic> Verify(bool withFixture, IReadOnlyList<Analyzer>? analyzers, params (string Path, string Markup)[] documents)
    {
        var expected = new List<string>();
        var inputs = new List<(string Path, byte[] Content)>();
        if (withFixture)
        {
            inputs.AddRange(Fixture.Documents.Select(d => (d.Path, Encoding.UTF8.GetBytes(d.Text))));
        }

        foreach (var (path, markup) in documents)
        {
            var (text, marks) = Parse(markup);
            var bytes = Encoding.UTF8.GetBytes(text);
            inputs.Add((path, bytes));
            foreach (var (id, start, end) in marks)
            {
                expected.Add(Describe(id, path, Encoding.UTF8.GetByteCount(text.AsSpan(0, start)), Encoding.UTF8.GetByteCount(text.AsSpan(0, end))));
            }
        }

        var result = Linter.Run(inputs, new LintOptions { Analyzers = analyzers });
        var reported = result.Diagnostics.Where(d => !d.IsSuppressed).ToList();
        var actual = reported.Select(d => Describe(d.Id, d.Location.Path, d.Location.Span.Start, d.Location.Span.End)).ToList();
        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        if (!expected.SequenceEqual(actual))
        {
            var message = new StringBuilder("Diagnostics differ from the markup.\nExpected:\n");
            expected.ForEach(e => message.Append("  ").Append(e).Append('\n'));
            message.Append("Actual:\n");
            foreach (var d in reported)
            {
                message.Append("  ").Append(Describe(d.Id, d.Location.Path, d.Location.Span.Start, d.Location.Span.End)).Append("  ").Append(d).Append('\n');
            }

            Assert.Fail(message.ToString());
        }

        return reported;
    }

    private static string Describe(string id, string path, int start, int end) => $"{id} {path} [{start}..{end})";

    /// <summary>Strips <c>{|ID:…|}</c> marks, returning the plain text and each mark's id and character span.</summary>
    public static (string Text, List<(string Id, int Start, int End)> Marks) Parse(string markup)
    {
        var text = new StringBuilder();
        var marks = new List<(string, int, int)>();
        var open = new Stack<(string Id, int Start)>();
        int i = 0;
        while (i < markup.Length)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i);
                open.Push((markup[(i + 2)..colon], text.Length));
                i = colon + 1;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                marks.Add((id, start, text.Length));
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }

        return (text.ToString(), marks);
    }
}
