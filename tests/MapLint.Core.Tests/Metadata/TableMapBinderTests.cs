using System.Text;
using MapLint.Diagnostics;
using MapLint.Model;
using MapLint.Tests.Infrastructure;
using MapLint.Workspace;

namespace MapLint.Tests.Metadata;

/// <summary>
/// Valid table maps have their mappings bound straight from the reader; anything else takes the syntax tree.
/// Both paths must bind the same mappings (spans, paths, transforms, suppressions) and report the same findings.
/// </summary>
public class TableMapBinderTests
{
    /// <summary>Every part of a mapping the shape allows, so mutations reach each branch of the binder.</summary>
    private const string Seed = """
        {
          "kind": "tableMap",
          "name": "Customers",
          "description": "seed",
          "source": { "app": "financeAndOperations", "entity": "CustomersV3", "filter": "(CustomerGroupId == \"10\")" },
          "destination": { "app": "dataverse", "entity": "account" },
          "integrationKey": ["accountnumber"],
          "mappings": [
            { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber", "description": "key" },
            { "source": "CREDITLIMIT", "direction": ">", "destination": "creditlimit", "transform": { "defaultValue": 0 } },
            { "source": "STATUS", "direction": "=", "destination": "statuscode",
              "transform": { "valueMap": [ { "source": "Active", "destination": 1 }, { "source": true, "destination": "x" }, { "source": 2.5, "destination": false } ] } },
            { "direction": "<", "destination": "msdyn_company", "transform": { "defaultValue": "USMF" },
              "suppressions": [ { "rule": "DIPV1021", "justification": "constant" } ] },
            { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
          ],
          "suppressions": [ { "rule": "DIPV1010", "justification": "seed" } ]
        }
        """;

    public static TheoryData<string> MapFiles() => EntityMetadataBinderTests.ExampleFiles("\"tableMap\"");

    [Theory]
    [MemberData(nameof(MapFiles))]
    public void ExamplesBindTheSameEitherWay(string path) =>
        EntityMetadataBinderTests.AssertSameEitherWay(path, File.ReadAllText(Path.Combine(CatalogTests.Root, path)), Describe);

    [Fact]
    public void ValidMapsTakeTheReaderPath()
    {
        foreach (string text in new[] { Seed, Fixture.CustomersMap, Fixture.CustomerGroupsMap })
        {
            var bag = new DiagnosticBag("m.json", null);
            var decoded = Syntax.SourceDecoder.Decode(Encoding.UTF8.GetBytes(text), bag)!;
            var map = Assert.IsType<TableMap>(DocumentLoader.LoadFromReader(new WorkspaceFile("m.json", "m.json"), decoded, bag, "tableMap"));
            Assert.NotEmpty(map.Mappings);
        }
    }

    [Fact]
    public void MutationsBindTheSameEitherWay()
    {
        int cases = 0;
        foreach (string mutated in Mutations(Seed))
        {
            EntityMetadataBinderTests.AssertSameEitherWay("mutated.json", mutated, Describe);
            cases++;
        }

        Assert.True(cases > 1000, $"only {cases} mutations");
    }

    private static IEnumerable<string> Mutations(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            yield return text.Remove(i, 1);
            if (i % 4 == 0)
            {
                yield return text.Insert(i, "\\uDC00");
            }
        }

        string[] edits =
        [
            "\"direction\": \"=\"", "\"direction\": \"==\"",
            "\"direction\": \">\"", "\"direction\": 1",
            "\"destination\": \"creditlimit\"", "\"destination\": \"\"",
            "\"destination\": \"creditlimit\"", "\"destination\": \"creditlimit\", \"destination\": \"x\"",
            "\"defaultValue\": 0", "\"defaultValue\": null",
            "\"defaultValue\": 0", "\"defaultValue\": [0]",
            "\"valueMap\": [", "\"valueMap\": [ \"x\", ",
            "\"valueMap\": [ { \"source\": \"Active\", \"destination\": 1 }, { \"source\": true, \"destination\": \"x\" }, { \"source\": 2.5, \"destination\": false } ]", "\"valueMap\": []",
            "{ \"source\": \"Active\", \"destination\": 1 }", "{ \"source\": \"Active\" }",
            "\"justification\": \"constant\"", "\"justification\": \"\"",
            "\"justification\": \"constant\"", "\"why\": \"constant\"",
            "\"mappings\": [", "\"mappings\": [ 5, ",
            "\"mappings\": [", "\"mappings\": [], \"mappings2\": [",
            "\"integrationKey\"", "\"mappings\": [], \"integrationKey\"",
            "\"description\": \"key\"", "\"description\": \"k\\u00e9y\"",
            "\"transform\": {", "\"transform\": { \"extra\": 1,",
            "\"source\": \"CUSTOMERACCOUNT\"", "\"source\": \"CUSTOMER\\u0041CCOUNT\"",
        ];
        for (int e = 0; e < edits.Length; e += 2)
        {
            int at = text.IndexOf(edits[e], StringComparison.Ordinal);
            while (at >= 0)
            {
                yield return text[..at] + edits[e + 1] + text[(at + edits[e].Length)..];
                at = text.IndexOf(edits[e], at + 1, StringComparison.Ordinal);
            }
        }
    }

    private static string Describe(MapLintDocument? document)
    {
        if (document is not TableMap map)
        {
            return document?.Kind.ToString() ?? "(none)";
        }

        var text = new StringBuilder();
        text.Append($"{map.Name}|{map.NameSpan}|{map.Source.App}|{map.Source.Entity}|{map.Source.EntitySpan}|{map.Source.Filter?.Text}|{map.Destination.Entity}|{map.Writes(MapSideRole.Source)}|{map.Writes(MapSideRole.Destination)}|{map.Suppressions.Count}|{string.Join(",", map.Root.Properties.Select(p => p.Name))}\n");
        text.Append($"key {string.Join(",", map.IntegrationKey?.Select(k => k.Value + "@" + k.Span) ?? [])}\n");
        foreach (var m in map.Mappings)
        {
            text.Append($"{m.Index} {m.ArrayIndex} {m.Path} {m.Span} {m.Direction} {m.DirectionSpan} {Field(m.Source)} {Field(m.Destination)}");
            if (m.Transform is { } t)
            {
                text.Append($" transform default={t.HasDefault} map={t.ValueMapAnchor?.Span}{t.ValueMapAnchor?.Path} [{string.Join(";", t.ValueMap?.Select(v => $"{v.Source}@{v.SourceAnchor.Span}{v.SourceAnchor.Path}>{v.Destination}@{v.DestinationAnchor.Span}{v.DestinationAnchor.Path}") ?? [])}]");
            }

            text.Append($" suppressions [{string.Join(";", m.Suppressions.Select(s => $"{s.Rule}:{s.Justification}@{s.RuleSpan}{s.RulePath}/{s.Scope}"))}]\n");
        }

        return text.ToString();

        static string Field(FieldReference? field) => field is null ? "-" : $"{field.Text}@{field.Span}{field.Path}({field.Column}.{field.KeyColumnOfTarget})";
    }
}

/// <summary>
/// The top of a document is parsed with its bulk left out (JsonParser.ParseWithout): every node where parsing
/// the document with the bulk blanked puts it, and the same findings at the same places, broken or not.
/// </summary>
public class ParseWithoutTests
{
    [Fact]
    public void LeavingTheBulkOut_IsParsingItBlanked()
    {
        string seed = File.ReadAllText(Path.Combine(CatalogTests.Root, "examples", "maps", "customers.json"));
        var cases = new List<string> { seed };
        int mappings = seed.IndexOf("\"mappings\"", StringComparison.Ordinal);
        for (int i = 0; i < seed.Length; i += 3)
        {
            // Breaks before and after the bulk (a bad escape, a cut, a stray comma), the bulk itself kept whole.
            if (i < mappings || i > seed.LastIndexOf(']'))
            {
                cases.Add(seed.Remove(i, 1));
                cases.Add(seed.Insert(i, "\\uDC00"));
                cases.Add(seed.Insert(i, ","));
            }
        }

        int compared = 0;
        foreach (string text in cases)
        {
            var source = new Text.SourceText(Encoding.UTF8.GetBytes(text));
            if (ReaderBinding.FindTopLevel(source.Utf8, "mappings"u8, System.Text.Json.JsonTokenType.StartArray) is not { } range)
            {
                continue;
            }

            var blanked = (byte[])source.Utf8.Clone();
            for (int i = range.Start + 1; i < range.End - 1; i++)
            {
                blanked[i] = blanked[i] is (byte)'\n' or (byte)'\r' ? blanked[i] : (byte)' ';
            }

            var cutBag = new DiagnosticBag("m.json", source);
            var blankBag = new DiagnosticBag("m.json", source);
            Assert.Equal(Nodes(Syntax.JsonParser.Parse(new Text.SourceText(blanked), blankBag)), Nodes(Syntax.JsonParser.ParseWithout(source, range, cutBag)));
            Assert.Equal(blankBag.Diagnostics.Select(d => $"{d.Id} {d.Location.Span.Start}-{d.Location.Span.End} {d.Message}"), cutBag.Diagnostics.Select(d => $"{d.Id} {d.Location.Span.Start}-{d.Location.Span.End} {d.Message}"));
            compared++;
        }

        Assert.True(compared > 100, $"only {compared} cases");
    }

    private static List<string> Nodes(Syntax.JsonNode? root)
    {
        var nodes = new List<string>();
        void Walk(Syntax.JsonNode node)
        {
            nodes.Add($"{node.Kind} {node.Span.Start}-{node.Span.End} {node.Path}");
            switch (node)
            {
                case Syntax.JsonObject obj:
                    foreach (var property in obj.Properties)
                    {
                        nodes.Add($"name {property.NameSpan.Start}-{property.NameSpan.End} {property.Name}");
                        Walk(property.Value);
                    }

                    break;
                case Syntax.JsonArray array:
                    foreach (var item in array.Items)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        if (root is not null)
        {
            Walk(root);
        }

        return nodes;
    }
}
