using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Model;

/// <summary>A suppression written in a document: a rule, why, and the span it covers (its document or its mapping).</summary>
public sealed record Suppression(string Rule, string Justification, TextSpan RuleSpan, string RulePath, TextSpan Scope)
{
    /// <summary>The <c>suppressions</c> of an object; read when the document is bound, so its tree can be let go.</summary>
    internal static IReadOnlyList<Suppression> Read(JsonObject owner, TextSpan scope)
    {
        if (owner.GetArray("suppressions") is not { } array)
        {
            return [];
        }

        var result = new List<Suppression>();
        foreach (var item in array.Items)
        {
            if (item is JsonObject o && o.Get("rule") is JsonString rule && o.GetString("justification") is { } justification)
            {
                result.Add(new Suppression(rule.Value, justification, rule.Span, rule.Path, scope));
            }
        }

        return result;
    }
}
