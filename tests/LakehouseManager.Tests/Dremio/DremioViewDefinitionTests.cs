using LakehouseManager.Catalog.Views;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Dremio;

/// <summary>Mapping an INFORMATION_SCHEMA row back to a catalog key under the source.</summary>
public sealed class DremioViewDefinitionTests
{
    [Fact]
    public void A_row_under_the_source_maps_to_its_key()
    {
        var row = new DremioViewDefinition("lakehouse.sales.eu", "orders", "SELECT 1");

        Assert.Equal(ContentKey.Of("sales", "eu", "orders"), row.KeyUnder("lakehouse"));
    }

    [Fact]
    public void A_row_of_another_source_or_a_source_sharing_the_prefix_maps_to_nothing()
    {
        Assert.Null(new DremioViewDefinition("other.sales", "orders", "SELECT 1").KeyUnder("lakehouse"));
        Assert.Null(new DremioViewDefinition("lakehouse2.sales", "orders", "SELECT 1").KeyUnder("lakehouse"));
    }

    [Fact]
    public void A_schema_that_the_known_namespaces_do_not_confirm_is_left_to_a_per_view_read()
    {
        // "sales.eu" could be one element holding a dot or two elements: Dremio's TABLE_SCHEMA does not say.
        var row = new DremioViewDefinition("lakehouse.sales.eu", "orders", "SELECT 1");

        Assert.Null(row.KeyUnder("lakehouse", new HashSet<string> { "sales" }));
        Assert.Equal(ContentKey.Of("sales", "eu", "orders"), row.KeyUnder("lakehouse", new HashSet<string> { "sales.eu" }));
    }
}
