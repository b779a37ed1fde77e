using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Views;

/// <summary>Nessie's sqlText is the last resort, and Dremio's placeholder is never taken for SQL.</summary>
public sealed class NessieSqlTextTests
{
    private static readonly ContentKey s_view = ContentKey.Of("sales", "orders");

    [Theory(Timeout = 60_000)]
    [InlineData("Actual view text is stored in Iceberg ViewMetadata in storage", "ICEBERG_METADATA")]
    [InlineData("Actual view text is stored in Iceberg ViewMetadata in storage", null)]
    [InlineData("  actual view text is stored in iceberg viewmetadata in storage\n", "DremioSQL")]
    [InlineData("SELECT 1", "iceberg_metadata")]
    public async Task Dremios_placeholder_is_recognised_by_its_text_or_its_dialect(string sqlText, string? dialect)
    {
        var result = await ResolveAsync(new ViewContent("s3://b/v.json", sqlText, dialect));

        Assert.True(NessieSqlText.IsPlaceholder(sqlText, dialect));
        Assert.Contains("placeholder", Assert.IsType<ViewSql.Unresolved>(result).Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Real_sql_in_sqltext_is_resolved()
    {
        var result = await ResolveAsync(new ViewContent("s3://b/v.json", "SELECT * FROM t", "spark"));

        Assert.Equal(new ViewSql.Resolved(s_view, "SELECT * FROM t"), result);
    }

    [Fact(Timeout = 60_000)]
    public async Task No_sqltext_is_unresolved_with_its_reason()
    {
        var result = await ResolveAsync(new ViewContent("s3://b/v.json", null, null));

        Assert.Equal(new ViewSql.Unresolved(s_view, "the catalog holds no SQL text for it"), result);
    }

    private static async Task<ViewSql> ResolveAsync(ViewContent content) =>
        Assert.Single(await new ContentSqlTextResolver().ResolveAsync("0123456789abcdef", [new CatalogEntry(s_view, "id", content)]));
}
