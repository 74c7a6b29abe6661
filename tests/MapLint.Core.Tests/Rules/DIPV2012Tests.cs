using System.Text;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2012: a metadata export cannot be read.</summary>
public class DIPV2012Tests
{
    private const string Head = "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices><Schema Namespace=\"N\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">";

    [Fact]
    public void Fires_EntityTypeWithoutName()
    {
        var xml = Head + "<EntityType><Property Name=\"P\" Type=\"Edm.String\" /></EntityType></Schema></edmx:DataServices></edmx:Edmx>";
        var diagnostic = Linter.Run([("exports/$metadata.xml", Encoding.UTF8.GetBytes(xml))]).Diagnostics[0];
        Assert.Equal("DIPV2012", diagnostic.Id);
        Assert.StartsWith("$metadata does not parse: ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_WellFormedMetadata()
    {
        var xml = Head + "<EntityType Name=\"E\"><Key><PropertyRef Name=\"P\" /></Key><Property Name=\"P\" Type=\"Edm.String\" Nullable=\"false\" /></EntityType><EntityContainer Name=\"C\"><EntitySet Name=\"Es\" EntityType=\"N.E\" /></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>";
        var result = Linter.Run([("exports/$metadata.xml", Encoding.UTF8.GetBytes(xml))]);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Model.Metadata.FindEntity(Model.Apps.FinanceAndOperations, "Es"));
    }
}
