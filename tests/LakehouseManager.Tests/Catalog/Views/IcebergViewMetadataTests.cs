using LakehouseManager.Catalog.Views;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Views;

/// <summary>The SQL of an Iceberg view metadata file (spec V1): the current version, dialects in Dremio's order.</summary>
public sealed class IcebergViewMetadataTests
{
    private static readonly ContentKey s_view = ContentKey.Of("sales", "orders");

    [Theory]
    [InlineData(new[] { "spark", "DremioSQL", "trino" }, "DremioSQL")]
    [InlineData(new[] { "spark", "dremio" }, "dremio")]
    [InlineData(new[] { "trino", "spark" }, "spark")]
    [InlineData(new[] { "trino", "hive" }, "trino")]
    public void The_dialects_are_tried_dremio_then_dremiosql_then_spark_then_any(string[] dialects, string chosen)
    {
        var json = Metadata(current: 1, (1, dialects));

        var outcome = IcebergViewMetadata.Parse(json).CurrentSql(s_view);

        Assert.Equal(new ViewSql.Resolved(s_view, $"SELECT '{chosen}'"), outcome);
    }

    [Fact]
    public void The_current_version_wins_over_older_ones()
    {
        var json = Metadata(current: 2, (1, ["DremioSQL"]), (2, ["spark"]));

        Assert.Equal(new ViewSql.Resolved(s_view, "SELECT 'spark'"), IcebergViewMetadata.Parse(json).CurrentSql(s_view));
    }

    [Fact]
    public void A_current_version_without_sql_or_missing_is_unresolved()
    {
        Assert.Equal(
            new ViewSql.Unresolved(s_view, "the current version 1 has no SQL representation"),
            IcebergViewMetadata.Parse(Metadata(current: 1, (1, []))).CurrentSql(s_view));
        Assert.Equal(
            new ViewSql.Unresolved(s_view, "the metadata file names no current version that it holds"),
            IcebergViewMetadata.Parse(Metadata(current: 3, (1, ["spark"]))).CurrentSql(s_view));
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"versions":[]}""", "no format-version")]
    [InlineData("""{"format-version":1}""", "no versions list")]
    public void A_file_that_is_not_view_metadata_is_a_format_error(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => IcebergViewMetadata.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string Metadata(long current, params (long Id, string[] Dialects)[] versions) =>
        $$"""
        {"format-version":1,"view-uuid":"00000000-0000-4000-8000-000000000001","location":"s3://b/v",
         "current-version-id":{{current}},
         "versions":[{{string.Join(",", versions.Select(v => $$"""
            {"version-id":{{v.Id}},"schema-id":0,"timestamp-ms":1,"summary":{},"default-namespace":[],
             "representations":[{{string.Join(",", v.Dialects.Select(d => $$"""{"type":"sql","sql":"SELECT '{{d}}'","dialect":"{{d}}"}"""))}}]}
            """))}}],
         "version-log":[],"schemas":[]}
        """;
}
