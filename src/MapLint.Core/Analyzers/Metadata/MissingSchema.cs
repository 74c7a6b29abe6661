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

        string? suggestion = Suggest(side, metadata.EntityNames(side.App).ToList());
        // The service's records name a Dataverse table by its entity set (accounts); the metadata resolves those it
        // states or whose set is the default plural, so an irregular or renamed set needs the metadata to say it.
        string hint = suggestion is null && side.IsDataverse
            ? $" If '{side.Entity}' is a table's entity set name, export the table's metadata with EntitySetName (or write \"entitySetName\" in its entityMetadata)."
            : NameSuggester.Hint(suggestion);
        var properties = suggestion is null ? AnalysisContext.Properties() : AnalysisContext.Properties(("suggestion", suggestion));
        context.Report(descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", properties, Apps.DisplayName(side.App), side.Entity, hint);
    }

    /// <summary>The closest entity; for Dataverse also the table whose default entity set is closest (contoso_children → contoso_child).</summary>
    private static string? Suggest(MapSide side, List<string> names)
    {
        if (!side.IsDataverse)
        {
            return NameSuggester.Suggest(side.Entity, names);
        }

        var bySet = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            bySet.TryAdd(name, name);
        }

        foreach (var name in names)
        {
            bySet.TryAdd(EntitySetNames.Default(name), name);
        }

        return NameSuggester.Suggest(side.Entity, bySet.Keys) is { } closest ? bySet[closest] : null;
    }
}
