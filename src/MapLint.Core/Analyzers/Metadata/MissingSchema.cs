using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>Shared check of DIPV1018 and DIPV1020: the app has metadata, but not for the side's entity.</summary>
internal static class MissingSchema
{
    public static void Check(TableMapAnalysisContext context, MapSide side, DiagnosticDescriptor descriptor)
    {
        var metadata = context.Model.Metadata;
        if (side.Entity.Length == 0 || !metadata.HasApp(side.App) || metadata.FindEntity(side.App, side.Entity) is not null)
        {
            return;
        }

        string? suggestion = NameSuggester.Suggest(side.Entity, metadata.EntityNames(side.App));
        var properties = suggestion is null ? AnalysisContext.Properties() : AnalysisContext.Properties(("suggestion", suggestion));
        context.Report(descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", properties, Apps.DisplayName(side.App), side.Entity, NameSuggester.Hint(suggestion));
    }
}
