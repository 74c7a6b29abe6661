using System.Text;
using MapLint.Engine;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.BusinessCentral;

/// <summary>
/// The engine on AL: the example extension (examples/business-central) is clean; an edited AL file gives, through
/// <see cref="LintWorkspace.Update"/>, exactly the findings of a fresh run on the edited files, and editing it back
/// gives none again (the Business Central rules span files, so they run on the whole model after every update).
/// </summary>
public class BusinessCentralEngineTests
{
    private static List<(string Path, byte[] Content)> Example() =>
        Directory.GetFiles(Path.Combine(CatalogTests.Root, "examples", "business-central"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".al", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(CatalogTests.Root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToList();

    private static string Render(LintResult result) =>
        string.Join("\n", result.Diagnostics.Select(d => $"{d.Location.Path}({d.Location.LineSpan.Start.Line},{d.Location.LineSpan.Start.Column}) {d.Id} {d.Message}"));

    [Fact]
    public void ExampleIsCleanAndHasItsMappings()
    {
        var result = Linter.Run(Example());
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["LABPUBLISHER", "LABBOOK"], result.BusinessCentral.TableMappings.Select(m => m.Name.Value));
        Assert.Equal(8, result.BusinessCentral.TableMappings[1].FieldMappings.Count);
        Assert.Single(result.BusinessCentral.BaseMappingAdditions["CUSTOMER"]);
    }

    [Fact]
    public void AnEditedAlFileGivesTheFindingsOfAFreshRun()
    {
        var files = Example();
        var workspace = LintWorkspace.Open(files);
        Assert.Empty(workspace.Result.Diagnostics);

        string codeunit = "examples/business-central/src/LabBookIntegration.Codeunit.al";
        int index = files.FindIndex(f => f.Path == codeunit);
        string text = Encoding.UTF8.GetString(files[index].Content);
        var edited = Encoding.UTF8.GetBytes(text.Replace("'LABPUBLISHER|CURRENCY'", "'LABPUBLISHER'", StringComparison.Ordinal).Replace("FieldNo(Author)", "FieldNo(Autor)", StringComparison.Ordinal));
        var update = workspace.Update(codeunit, edited);

        var fresh = files.ToList();
        fresh[index] = (codeunit, edited);
        var expected = Linter.Run(fresh);
        Assert.Equal(Render(expected), Render(update.Result));
        Assert.Equal(["DIPV2502", "DIPV2511"], update.Result.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains(codeunit, update.ChangedPaths);

        var back = workspace.Update(codeunit, files[index].Content);
        Assert.Empty(back.Result.Diagnostics);
    }
}
