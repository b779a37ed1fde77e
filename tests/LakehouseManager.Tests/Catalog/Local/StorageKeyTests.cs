using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class StorageKeyTests
{
    [Fact]
    public void A_key_round_trips_through_its_stored_form()
    {
        var key = ContentKey.Of("shop", "a.b", "my \"view\"");

        Assert.Equal(key, StorageKey.Decode(StorageKey.Encode(key)));
    }

    [Fact]
    public void Stored_order_is_element_wise_order()
    {
        var keys = new[] { ContentKey.Of("ab"), ContentKey.Of("a", "b", "c"), ContentKey.Of("a.b"), ContentKey.Of("a", "b"), ContentKey.Of("a", "bc") };

        var byStoredForm = keys.OrderBy(StorageKey.Encode, StorageKey.Order).ToList();

        Assert.Equal(keys.Order().ToList(), byStoredForm);
    }

    [Fact]
    public void Supplementary_characters_sort_after_the_top_of_the_basic_plane_as_in_utf8()
    {
        Assert.True(StorageKey.CompareByCodePoint("\U0001D11E", "\uFFFD") > 0);
        Assert.True(string.CompareOrdinal("\U0001D11E", "\uFFFD") < 0);
        Assert.True(StorageKey.CompareByCodePoint("a", "b") < 0);
        Assert.Equal(0, StorageKey.CompareByCodePoint("x", "x"));
    }
}
