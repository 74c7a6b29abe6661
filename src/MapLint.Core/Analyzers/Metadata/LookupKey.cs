using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>
/// Shared check of DIPV1027 and DIPV1028: a lookup must be mapped through the integration key of the table it
/// points to. Key lookups of the map itself are DIPV1015's concern and are left to it.
/// </summary>
internal static class LookupKey
{
    public static void Check(FieldMappingAnalysisContext context, FieldReference? reference, DiagnosticDescriptor descriptor)
    {
        if (reference is null)
        {
            return;
        }

        var resolved = context.Model.Resolve(reference);
        if (resolved.Column is not { Type: FieldType.Lookup, Target: { } targetName })
        {
            return;
        }

        var target = resolved.TargetEntity ?? context.Model.Metadata.FindEntity(reference.Side.App, targetName);
        if (target is not { Keys.Count: > 0 })
        {
            return;
        }

        CheckKeyedLookup(context, reference, descriptor, target);
    }

    // Apart from Check, so that the lambdas over the reference make their closure for a lookup to a keyed table only,
    // not on entry for every field reference.
    private static void CheckKeyedLookup(FieldMappingAnalysisContext context, FieldReference reference, DiagnosticDescriptor descriptor, EntityDefinition target)
    {
        bool isMapKey = reference.Side == reference.Mapping.Map.KeySide
            && context.Model.GetKeyFields(reference.Mapping.Map).Any(k => string.Equals(k.Name, reference.Column, StringComparison.OrdinalIgnoreCase));
        if (isMapKey)
        {
            return;
        }

        var key = target.Keys[0];
        string expected = string.Join(", ", key.Select(k => "'" + reference.Column + "." + k + "'"));
        if (reference.KeyColumnOfTarget is null)
        {
            context.Report(descriptor, reference, AnalysisContext.Properties(("replacement", reference.Column + "." + key[0])), $"'{reference.Column}' is a lookup to '{target.Name}' and must be mapped through that table's integration key: {expected}.");
        }
        else if (!target.Keys.Any(k => k.Contains(reference.KeyColumnOfTarget, StringComparer.OrdinalIgnoreCase)))
        {
            context.Report(descriptor, reference, AnalysisContext.Properties(("replacement", reference.Column + "." + key[0])), $"'{reference.KeyColumnOfTarget}' is not in the integration key of '{target.Name}', so lookup '{reference.Column}' cannot be resolved through it; use {expected}.");
        }
    }
}
