using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>Shared check of DIPV1023 and DIPV1026: two mappings write the same field of one side.</summary>
internal static class DuplicateWrites
{
    public static void Check(TableMapAnalysisContext context, MapSideRole role, DiagnosticDescriptor descriptor)
    {
        var first = new Dictionary<string, FieldMapping>(context.TableMap.Mappings.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in context.TableMap.Mappings)
        {
            if (!mapping.Direction.FlowsInto(role) || mapping.GetField(role) is not { } field)
            {
                continue;
            }

            if (first.TryGetValue(field.Column, out var earlier))
            {
                context.Report(descriptor, field, field.Column, earlier.Index + 1, mapping.Index + 1);
            }
            else
            {
                first[field.Column] = mapping;
            }
        }
    }
}
