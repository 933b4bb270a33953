using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Tests.Cloud;

public class ResponsibilityMatrixTests
{
    private static readonly CriteriaCatalog Catalog = CriteriaCatalog.Embedded;
    private static readonly ResponsibilityMatrix Matrix = Catalog.ResponsibilityFor(EditionId.IsmsP2023)!;

    [Fact]
    public void Every_2023_control_has_exactly_one_split_with_a_rationale_in_both_languages()
    {
        var edition = Catalog[EditionId.IsmsP2023];
        Assert.Equal(101, Matrix.Controls.Count);
        Assert.All(edition.Controls, c =>
        {
            var r = Matrix.Find(c.Id);
            Assert.NotNull(r);
            Assert.True(r.Split.Rationale.IsComplete, c.Id);
        });
    }

    [Theory]
    [InlineData("2.4.1")]
    [InlineData("2.4.2")]
    [InlineData("2.4.3")]
    [InlineData("2.4.4")]
    [InlineData("2.4.5")]
    [InlineData("2.4.6")]
    public void Data_centre_physical_security_is_the_providers_under_every_model(string id)
    {
        foreach (var model in Enum.GetValues<ServiceModel>())
        {
            Assert.Equal(Responsibility.Provider, Matrix.Find(id)!.Split.For(model));
        }
    }

    [Fact]
    public void Cloud_security_and_the_management_system_are_always_the_customers()
    {
        foreach (var id in new[] { "2.10.2", "1.1.1", "1.2.3", "3.3.2" })
        {
            Assert.All(Enum.GetValues<ServiceModel>(), m => Assert.Equal(Responsibility.Customer, Matrix.Find(id)!.Split.For(m)));
        }
    }

    [Fact]
    public void A_check_item_can_differ_from_its_control()
    {
        var media = Matrix.Find("2.10.7")!;
        Assert.Equal(Responsibility.Shared, media.Split.IaaS);
        Assert.Equal(Responsibility.Provider, media.ForCheckItem("2.10.7-3").IaaS);
        Assert.Equal(Responsibility.Customer, media.ForCheckItem("2.10.7-1").SaaS);
        Assert.Equal(Responsibility.Shared, Matrix.Find("2.9.7")!.ForCheckItem("2.9.7-2").PaaS);
    }

    [Fact]
    public void More_moves_to_the_provider_as_the_model_rises()
    {
        int Count(ServiceModel m) => Matrix.Controls.Count(c => c.Split.For(m) == Responsibility.Provider);
        Assert.Equal(6, Count(ServiceModel.IaaS));
        Assert.True(Count(ServiceModel.PaaS) > Count(ServiceModel.IaaS));
        Assert.True(Count(ServiceModel.SaaS) > Count(ServiceModel.PaaS));
    }
}
