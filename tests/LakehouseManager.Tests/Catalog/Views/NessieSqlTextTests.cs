using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Catalog.Views;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Views;

/// <summary>Nessie's sqlText is the last resort, and Dremio's placeholder is never taken for SQL.</summary>
public sealed class NessieSqlTextTests
{
    [Theory]
    [InlineData("Actual view text is stored in Iceberg ViewMetadata in storage", "ICEBERG_METADATA")]
    [InlineData("Actual view text is stored in Iceberg ViewMetadata in storage", null)]
    [InlineData("  actual view text is stored in iceberg viewmetadata in storage\n", "DremioSQL")]
    [InlineData("SELECT 1", "iceberg_metadata")]
    public void Dremios_placeholder_is_recognised_by_its_text_or_its_dialect(string sqlText, string? dialect)
    {
        var outcome = NessieSqlText.Read(NessieContent.IcebergView("id", "s3://b/v.json", sqlText: sqlText, dialect: dialect));

        Assert.Equal(ViewSqlStatus.Unresolved, outcome.Status);
        Assert.Contains("placeholder", outcome.Reason, StringComparison.Ordinal);
        Assert.Null(outcome.Sql);
    }

    [Fact]
    public void Real_sql_in_sqltext_is_resolved()
    {
        var outcome = NessieSqlText.Read(NessieContent.IcebergView("id", "s3://b/v.json", sqlText: "SELECT * FROM t", dialect: "spark"));

        Assert.Equal(ViewSqlOutcome.Resolved("SELECT * FROM t"), outcome);
    }

    [Fact]
    public void No_sqltext_or_not_a_view_is_unresolved_with_its_reason()
    {
        var empty = NessieSqlText.Read(NessieContent.IcebergView("id", "s3://b/v.json"));
        var table = NessieSqlText.Read(new NessieContent(NessieContentTypes.IcebergTable, "id") { MetadataLocation = "s3://b/t.json" });

        Assert.Equal("Nessie holds no sqlText for the view (the SQL is only in its metadata file)", empty.Reason);
        Assert.Equal("the content is a ICEBERG_TABLE, not a view", table.Reason);
    }
}
