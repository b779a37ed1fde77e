using System.Text;
using LakehouseManager.Catalog;
using LakehouseManager.Mirror;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Verify;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Verify;

public sealed class MirrorComparisonTests
{
    private static CatalogView View(string key, string sql) => new(ContentKey.ParseSqlPath(key), sql);

    private static Dictionary<string, byte[]?> Files(params (string Path, string Content)[] files) =>
        files.ToDictionary(f => f.Path, f => (byte[]?)Encoding.UTF8.GetBytes(f.Content), StringComparer.Ordinal);

    private static Dictionary<string, byte[]?> MirrorOf(IEnumerable<CatalogView> views)
    {
        var list = views.ToList();
        var paths = MirrorLayout.Assign(list.Select(v => v.Key));
        return list.ToDictionary(v => paths[v.Key], v => (byte[]?)MirrorFile.ToBytes(v.Sql), StringComparer.Ordinal);
    }

    [Fact]
    public void A_mirror_with_one_exact_file_per_view_agrees()
    {
        CatalogView[] views = [View("shop.sales.orders", "SELECT *\nFROM orders"), View("shop.v", "SELECT 1\n\n")];

        var result = MirrorComparison.Compare(views, MirrorOf(views));

        Assert.True(result.Agrees);
        Assert.Equal((2, 2, 2), (result.ViewCount, result.FileCount, result.MatchingCount));
    }

    [Fact]
    public void Views_that_differ_only_in_case_agree_with_their_case_suffixed_files()
    {
        CatalogView[] views = [View("shop.Orders", "SELECT 'upper'"), View("shop.orders", "SELECT 'lower'"), View("Shop.x", "SELECT 3")];

        var files = MirrorOf(views);
        var result = MirrorComparison.Compare(views, files);

        Assert.True(result.Agrees);
        Assert.Contains("shop/Orders%~1.sql", files.Keys);
        Assert.Contains("Shop%~1/x.sql", files.Keys);
    }

    [Fact]
    public void A_view_without_a_file_is_missing()
    {
        var result = MirrorComparison.Compare(
            [View("shop.a", "SELECT 1"), View("shop.b", "SELECT 2")], Files(("shop/a.sql", "SELECT 1\n")));

        var missing = Assert.Single(result.Drift);
        Assert.Equal(
            new MirrorDrift(MirrorDriftKind.Missing, ContentKey.Of("shop", "b"), null, "shop/b.sql", "no file for view shop.b"),
            missing);
    }

    [Fact]
    public void Files_for_no_view_or_with_names_the_layout_never_writes_are_extra()
    {
        var result = MirrorComparison.Compare(
            [View("shop.a", "SELECT 1")],
            Files(("shop/a.sql", "SELECT 1\n"), ("shop/gone.sql", "SELECT 0\n"), ("shop/a%zz.sql", "x\n"), ("Top.SQL", "x\n")));

        Assert.Equal(
            ["Top.SQL", "shop/a%zz.sql", "shop/gone.sql"],
            result.Extra.Select(d => d.Path).Order(StringComparer.Ordinal));
        Assert.Equal("there is no view shop.gone in the catalog", result.Extra.Single(d => d.Path == "shop/gone.sql").Detail);
        Assert.All(result.Extra.Where(d => d.Path != "shop/gone.sql"), d => Assert.Contains("is not a mirror file path", d.Detail, StringComparison.Ordinal));
        Assert.Equal(4, result.FileCount);
    }

    [Fact]
    public void A_file_with_other_content_is_different_with_the_first_differing_line()
    {
        var result = MirrorComparison.Compare(
            [View("shop.daily", "SELECT day,\n  SUM(amount)\nFROM orders")],
            Files(("shop/daily.sql", "SELECT day,\n  SUM(amount) AS total\nFROM orders\n")));

        var different = Assert.Single(result.Drift);
        Assert.Equal(MirrorDriftKind.Different, different.Kind);
        Assert.Equal("first difference at line 2, column 14", different.Detail);
        Assert.Equal(new TextDifference(2, 14, "  SUM(amount)", "  SUM(amount) AS total"), different.Difference);
    }

    [Theory]
    [InlineData("SELECT 1", "the file lacks the final newline the mirror adds")]
    [InlineData("SELECT 1\n\n", "first difference at line 2, column 1")]
    [InlineData("\uFEFFSELECT 1\n", "first difference at line 1, column 1: the mirror file starts with a byte-order mark (U+FEFF)")]
    [InlineData("SELECT 1\r\n", "first difference at line 1, column 9: the mirror file has CRLF line endings where the view's SQL has LF")]
    public void Byte_differences_that_text_hides_are_still_drift(string content, string detail)
    {
        var result = MirrorComparison.Compare([View("v", "SELECT 1")], Files(("v.sql", content)));

        Assert.Equal(detail, Assert.Single(result.Different).Detail);
    }

    [Fact]
    public void A_file_that_is_not_utf8_or_not_a_readable_blob_is_different()
    {
        var files = new Dictionary<string, byte[]?> { ["a.sql"] = [0xC3, 0x28, 0x0A], ["b.sql"] = null };

        var result = MirrorComparison.Compare([View("a", "SELECT 1"), View("b", "SELECT 2")], files);

        Assert.Equal(
            ["the file is not valid UTF-8 text", "git holds no readable file there (a submodule?)"],
            result.Different.Select(d => d.Detail));
    }

    [Fact]
    public void A_view_whose_file_has_a_stale_case_suffix_is_misplaced()
    {
        var result = MirrorComparison.Compare(
            [View("shop.Orders", "SELECT 1")], Files(("shop/Orders%~1.sql", "SELECT 1\n")));

        var misplaced = Assert.Single(result.Drift);
        Assert.Equal(MirrorDriftKind.Misplaced, misplaced.Kind);
        Assert.Equal(("shop/Orders%~1.sql", "shop/Orders.sql"), (misplaced.Path, misplaced.ExpectedPath));
        Assert.Equal("the view's file has another name than the layout gives it", misplaced.Detail);
        Assert.Null(misplaced.Difference);
    }

    [Fact]
    public void A_misplaced_file_with_other_content_says_both()
    {
        var result = MirrorComparison.Compare([View("shop.Orders", "SELECT 1")], Files(("shop/Orders%~1.sql", "SELECT 2\n")));

        var misplaced = Assert.Single(result.Misplaced);
        Assert.EndsWith("and its content differs (first difference at line 1, column 8)", misplaced.Detail, StringComparison.Ordinal);
        Assert.Equal(new TextDifference(1, 8, "SELECT 1", "SELECT 2"), misplaced.Difference);
    }

    [Fact]
    public void A_second_file_for_a_view_next_to_the_right_one_is_extra()
    {
        var result = MirrorComparison.Compare(
            [View("shop.Orders", "SELECT 1")],
            Files(("shop/Orders.sql", "SELECT 1\n"), ("shop/Orders%~1.sql", "SELECT 1\n")));

        var extra = Assert.Single(result.Drift);
        Assert.Equal((MirrorDriftKind.Extra, "shop/Orders%~1.sql", "shop/Orders.sql"), (extra.Kind, extra.Path, extra.ExpectedPath));
        Assert.Equal("a second file for view shop.Orders", extra.Detail);
        Assert.Equal(1, result.MatchingCount);
    }

    [Fact]
    public void Non_sql_files_and_dot_folders_at_the_mirror_root_are_not_part_of_the_mirror()
    {
        var result = MirrorComparison.Compare(
            [View("shop.a", "SELECT 1")],
            Files(("shop/a.sql", "SELECT 1\n"), ("README.md", "x"), ("shop/notes.txt", "x"), (".github/check.sql", "x"),
                ("tests/data-tests.yaml", "x")));

        Assert.True(result.Agrees);
        Assert.Equal(1, result.FileCount);
    }

    [Fact]
    public void Drift_is_listed_by_kind_then_view()
    {
        var result = MirrorComparison.Compare(
            [View("b", "SELECT 1"), View("a", "SELECT 1"), View("c", "SELECT 1")],
            Files(("c.sql", "SELECT 2\n"), ("z.sql", "x\n"), ("y.sql", "x\n")));

        Assert.Equal(
            ["Missing a", "Missing b", "Extra y", "Extra z", "Different c"],
            result.Drift.Select(d => $"{d.Kind} {d.Key}"));
    }

    [Theory]
    [InlineData("a\nb", "a\nb", null)]
    [InlineData("a\nb", "a\nc", "2:1:b:c")]
    [InlineData("a\nbc", "a\nbd", "2:2:bc:bd")]
    [InlineData("a", "a\nb", "2:1::b")]
    [InlineData("a\nb", "a", "2:1:b:")]
    public void The_first_difference_is_the_first_differing_line_and_column(string catalog, string mirror, string? expected)
    {
        var difference = TextDifference.Find(catalog, mirror);

        Assert.Equal(expected, difference is null ? null : $"{difference.Line}:{difference.Column}:{difference.CatalogLine}:{difference.MirrorLine}");
    }

    [Theory]
    [InlineData("SELECT 2", "\uFEFFSELECT 2\n", "first difference at line 1, column 1: the mirror file starts with a byte-order mark (U+FEFF)")]
    [InlineData("SELECT 1\nFROM t", "SELECT 1\r\nFROM t\r\n", "first difference at line 1, column 9: the mirror file has CRLF line endings where the view's SQL has LF")]
    [InlineData("SELECT 1\r\nFROM t", "SELECT 1\nFROM t\n", "first difference at line 1, column 9: the mirror file has LF line endings where the view's SQL has CRLF")]
    [InlineData("SELECT 1 AS x", "SELECT 1\u00A0AS x\n", "first difference at line 1, column 9")]
    public void Invisible_differences_are_named_when_their_cause_is_known(string sql, string file, string detail)
    {
        var result = MirrorComparison.Compare([View("v", sql)], Files(("v.sql", file)));

        Assert.Equal(detail, Assert.Single(result.Different).Detail);
    }

    [Theory]
    [InlineData("\uFEFFSELECT 2", 1, "<U+FEFF>SELECT 2")]
    [InlineData("SELECT 2\r", 9, "SELECT 2\\r")]
    [InlineData("SELECT 1\u00A0AS x", 9, "SELECT 1<U+00A0>AS x")]
    [InlineData("SELECT\t1\u200B", 7, "SELECT\\t1<U+200B>")]
    [InlineData("SELECT 1 AS x", 1, "SELECT 1 AS x")]
    public void Excerpts_show_invisible_characters(string line, int column, string excerpt)
    {
        Assert.Equal(excerpt, TextDifference.Excerpt(line, column));
    }

    [Fact]
    public void A_long_line_is_shown_as_an_excerpt_around_the_difference()
    {
        var line = new string('a', 300) + "X" + new string('b', 300);

        var excerpt = TextDifference.Excerpt(line, 301, width: 40);

        Assert.Equal("…" + new string('a', 10) + "X" + new string('b', 29) + "…", excerpt);
        Assert.Equal("(no such line: the text ends before)", TextDifference.Excerpt(null, 1));
    }
}
