using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MapLint.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MapLint.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing: valid documents mutated (delete, duplicate, retype, truncate, swap tokens) must never make
/// the engine throw, and the same input must give the same output. A fixed number of cases runs in CI;
/// MAPLINT_FUZZ_CASES=100000 runs the long mode by hand.
/// </summary>
public class MutationFuzzTests
{
    private static readonly string[] Seeds =
    [
        Fixture.CustomersMap,
        Fixture.CustomerGroupsMap,
        Fixture.ConnectionSet,
        Fixture.DataverseMetadata,
        """{ "kind": "project", "name": "P", "connectionSet": "Contoso", "tasks": [ { "name": "T", "source": "fo", "destination": "dv", "map": "Customers" } ] }""",
        """{ "kind": "tableMap", "name": "F", "source": { "app": "financeAndOperations", "entity": "CustomersV3", "filter": "((NAMEALIAS == \"x\") || !(PARTYTYPE != PartyType::None))" }, "destination": { "app": "dataverse", "entity": "account", "filter": "statecode eq 0 and contains(name,'a')" }, "mappings": [ { "source": "PARTYTYPE", "direction": "><", "destination": "msdyn_partytype", "transform": { "valueMap": [ { "source": "None", "destination": 1 } ] }, "suppressions": [ { "rule": "DIPV2104", "justification": "j" } ] } ] }""",
    ];

    private static readonly string[] Replacements = ["", "0", "-1", "1e309", "null", "true", "\"\"", "[]", "{}", "\"x\"", "[[[", "}}}", ",", ":", "\"\\u0000\"", "\"\\ud800\"", "//", "/*", "NaN", "\"DIPV1004\"", "\"=\"", "\"><\"", "\"a.b.c\""];

    private readonly ITestOutputHelper output;

    public MutationFuzzTests(ITestOutputHelper output) => this.output = output;

    private static string Mutate(string text, int kind, int a, int b, int pick)
    {
        int i = Math.Min(a, text.Length);
        int j = Math.Min(i + (b % 40), text.Length);
        return kind switch
        {
            0 => text.Remove(i, j - i),                                      // delete
            1 => text.Insert(i, text[i..j]),                                 // duplicate
            2 => text[..i] + Replacements[pick % Replacements.Length] + text[j..], // retype / replace a token
            3 => text[..i],                                                  // truncate
            _ => Swap(text, i, j),                                           // swap two slices
        };
    }

    private static string Swap(string text, int i, int j)
    {
        int mid = (i + j) / 2;
        return text[..i] + text[mid..j] + text[i..mid] + text[j..];
    }

    private static string Render(string mutated)
    {
        var documents = Fixture.Documents.Select(d => (d.Path, Encoding.UTF8.GetBytes(d.Text))).Append(("case/mutated.json", Encoding.UTF8.GetBytes(mutated))).ToList();
        return string.Join("\n", Linter.Run(documents).Diagnostics.Select(d => d + " @" + d.JsonPath));
    }

    [Fact]
    public void MutatedDocumentsNeverCrashAndAreDeterministic()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("MAPLINT_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 300;
        var step =
            from kind in Gen.Choose(0, 4)
            from a in Gen.Choose(0, 2000)
            from b in Gen.Choose(0, 400)
            from pick in Gen.Choose(0, 1000)
            select (kind, a, b, pick);
        var mutation =
            from seed in Gen.Choose(0, Seeds.Length - 1)
            from count in Gen.Choose(1, 3)
            from s1 in step
            from s2 in step
            from s3 in step
            select (seed, steps: new[] { s1, s2, s3 }.Take(count).ToArray());
        int ran = 0;
        var property = Prop.ForAll(mutation.ToArbitrary(), input =>
        {
            string text = Seeds[input.seed];
            foreach (var (kind, a, b, pick) in input.steps)
            {
                text = Mutate(text, kind, a, b, pick);
            }

            string first = Render(text);
            string second = Render(text);
            ran++;
            return first == second;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
        output.WriteLine($"{ran} mutated documents: no exception, same output twice");
        Assert.Equal(cases, ran);
    }
}
