using MapLint.Diagnostics;
using MapLint.Syntax;

namespace MapLint.Fixes;

/// <summary>DIPV1004: a key field mapped one way is mapped both ways: '=' (or '&gt;&lt;' when a transform goes with it). Safe.</summary>
public sealed class KeyFieldDirectionFix : FixProvider
{
    public override IReadOnlyList<string> FixableDiagnosticIds => ["DIPV1004"];

    public override CodeFix? Offer(Diagnostic diagnostic, FixDocument document)
    {
        if (document.Find(diagnostic.JsonPath) is not JsonString field || field.Parent is not JsonObject mapping || mapping.Get("direction") is not JsonString direction)
        {
            return null;
        }

        // A one-way mapping with a transform (>> or <<) keeps its transform both ways.
        string both = direction.Value is ">>" or "<<" ? "><" : diagnostic.Properties.GetValueOrDefault("direction") ?? "=";
        return new CodeFix($"Map key field '{field.Value}' both ways ('{both}')", diagnostic, FixSafety.Safe, [JsonEdits.Replace(direction, JsonEdits.Quote(both))]);
    }
}
