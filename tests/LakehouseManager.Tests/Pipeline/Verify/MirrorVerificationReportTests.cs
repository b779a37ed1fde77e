using System.Text;
using System.Text.Json;
using LakehouseManager.Catalog;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Verify;
using LakehouseManager.Tests.PullRequests;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Verify;

public sealed class MirrorVerificationReportTests
{
    private const string CatalogHash = "abc123abc123abc123abc123abc123abc123abc123abc123abc123abc123abcd";
    private const string GitCommit = "def456def456def456def456def456def456def4";

    private static MirrorVerification Verification(MirrorComparisonResult comparison, string mirrorPath = "views") =>
        new("main", CatalogHash, "origin/main", GitCommit, mirrorPath, comparison, []);

    private static MirrorComparisonResult Drifted()
    {
        CatalogView[] views =
        [
            new(ContentKey.Of("shop", "sales", "orders"), "SELECT *\nFROM shop.raw.orders\nWHERE status = 'completed'"),
            new(ContentKey.Of("shop", "sales", "daily"), "SELECT 1"),
            new(ContentKey.Of("shop", "Refunds"), "SELECT 2"),
            new(ContentKey.Of("shop", "ok"), "SELECT 3"),
            new(ContentKey.Of("shop", "Big"), "SELECT 4"),
        ];
        var files = new Dictionary<string, byte[]?>
        {
            ["shop/sales/orders.sql"] = Encoding.UTF8.GetBytes("SELECT *\nFROM shop.raw.orders\nWHERE status = 'complete'\n"),
            ["shop/Refunds%~1.sql"] = Encoding.UTF8.GetBytes("SELECT 2\n"),
            ["shop/ok.sql"] = Encoding.UTF8.GetBytes("SELECT 3\n"),
            ["shop/old.sql"] = Encoding.UTF8.GetBytes("SELECT 0\n"),
            ["shop/Big.sql"] = Encoding.UTF8.GetBytes("SELECT 4\n"),
            ["shop/Big%~1.sql"] = Encoding.UTF8.GetBytes("SELECT 4\n"),
        };
        return MirrorComparison.Compare(views, files);
    }

    [Fact]
    public void A_mirror_that_agrees_is_one_line_with_the_counts()
    {
        var text = MirrorVerificationReport.ToText(Verification(new MirrorComparisonResult(12, 12, 12, []), mirrorPath: ""));

        Assert.Equal("Catalog branch main at abc123abc123 and mirror origin/main at def456def456 agree: 12 views.\n", text);
    }

    [Fact]
    public void Drift_is_rendered_as_counts_and_one_list_per_kind()
    {
        var text = MirrorVerificationReport.ToText(Verification(Drifted()));

        ExpectedOutput.AssertMatches(text, "Verify", "drift.txt");
    }

    [Fact]
    public void Invisible_differences_are_visible_in_the_report()
    {
        CatalogView[] views =
        [
            new(ContentKey.Of("shop", "bom"), "SELECT 2"),
            new(ContentKey.Of("shop", "crlf"), "SELECT 1\nFROM t"),
            new(ContentKey.Of("shop", "nbsp"), "SELECT 1 AS x"),
        ];
        var files = new Dictionary<string, byte[]?>
        {
            ["shop/bom.sql"] = Encoding.UTF8.GetBytes("\uFEFFSELECT 2\n"),
            ["shop/crlf.sql"] = Encoding.UTF8.GetBytes("SELECT 1\r\nFROM t\r\n"),
            ["shop/nbsp.sql"] = Encoding.UTF8.GetBytes("SELECT 1\u00A0AS x\n"),
        };

        var text = MirrorVerificationReport.ToText(Verification(MirrorComparison.Compare(views, files)));

        ExpectedOutput.AssertMatches(text, "Verify", "invisible.txt");
    }

    [Fact]
    public void Long_lists_are_capped_with_the_number_left_out()
    {
        var views = Enumerable.Range(1, 30).Select(i => new CatalogView(ContentKey.Of("v", $"view_{i:D2}"), "SELECT 1"));
        var comparison = MirrorComparison.Compare(views, new Dictionary<string, byte[]?>());

        var text = MirrorVerificationReport.ToText(Verification(comparison), maxListed: 5);

        Assert.Contains("Missing (30): views with no file at their path\n", text, StringComparison.Ordinal);
        Assert.Contains("  v.view_05  views/v/view_05.sql\n  ... and 25 more\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("view_06", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_holds_every_drift_with_repository_paths()
    {
        var json = MirrorVerificationJson.Write(Verification(Drifted()));

        ExpectedOutput.AssertMatches(json, "Verify", "drift.json");
        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("agrees").GetBoolean());
        Assert.Equal("views/shop/sales/daily.sql", document.RootElement.GetProperty("missing")[0].GetProperty("expectedPath").GetString());
    }
}
