using LakehouseManager.Catalog;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Merge;
using LakehouseManager.PullRequests;
using LakehouseManager.Tests.PullRequests;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Merge;

public sealed class MergeCatalogReportTests
{
    private const string Reviewed = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string Later = "2222222222222222222222222222222222222222222222222222222222222222";
    private const string MainBefore = "3333333333333333333333333333333333333333333333333333333333333333";
    private const string MainAfter = "4444444444444444444444444444444444444444444444444444444444444444";

    private static readonly PullRequest s_pullRequest = new(
        "mirror", "dev..main", "dev → main", PullRequestStatus.Closed, "dev", "main", "aaaa", "bbbb", new PullRequestMerge(null, PullRequestMergeOption.ThreeWay, "aaaa", null));

    private static MergeCatalogResult Result(
        MergeCatalogOutcome outcome, string? sourceHead, IReadOnlyList<MergeConflict>? conflicts = null) =>
        new(
            outcome,
            s_pullRequest,
            new GitWatermark("cccc", "dev", Reviewed),
            Reviewed,
            sourceHead,
            MainBefore,
            outcome == MergeCatalogOutcome.Merged ? MainAfter : MainBefore,
            conflicts ?? [],
            1);

    private static List<MergeConflict> Conflicts(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new MergeConflict(
            ContentKey.Of("shop", "sales", $"view_{i:D3}"),
            "VALUE_DIFFERS",
            $"values of existing and expected content for key 'shop.sales.view_{i:D3}' are different"))];

    [Fact]
    public void The_merged_comment_names_the_branches_and_hashes_and_warns_about_unreviewed_changes()
    {
        var markdown = MergeCatalogReport.MergedMarkdown(Result(MergeCatalogOutcome.Merged, Later));

        ExpectedOutput.AssertMatches(markdown, "Merge", "merged.md");
    }

    [Fact]
    public void The_conflicts_comment_lists_each_conflict_in_a_table()
    {
        var markdown = MergeCatalogReport.ConflictsMarkdown(
            Result(MergeCatalogOutcome.Conflicts, Reviewed, [
                new MergeConflict(ContentKey.Of("shop", "sales", "revenue"), "VALUE_DIFFERS", "values differ | a*b"),
                new MergeConflict(ContentKey.Of("shop", "my view"), "KEY_EXISTS", "key 'shop.\"my view\"' already exists"),
            ]),
            maxLength: 10_240);

        ExpectedOutput.AssertMatches(markdown, "Merge", "conflicts.md");
    }

    [Fact]
    public void A_long_conflict_list_is_cut_to_fit_the_comment_limit()
    {
        var markdown = MergeCatalogReport.ConflictsMarkdown(Result(MergeCatalogOutcome.Conflicts, Reviewed, Conflicts(500)), 10_240);

        Assert.True(markdown.Length <= 10_240, $"{markdown.Length} characters");
        Assert.Contains("| `shop.sales.view_001` |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("view_500", markdown, StringComparison.Ordinal);
        Assert.Matches(@"… and \d+ more \(see the build log\)\.", markdown);
        Assert.EndsWith("and run MergeCatalog again.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_text_shows_the_outcome_and_a_capped_table_of_conflicts()
    {
        var text = string.Join(
            "\n",
            MergeCatalogReport.ToText(Result(MergeCatalogOutcome.Merged, Reviewed)),
            MergeCatalogReport.ToText(Result(MergeCatalogOutcome.AlreadyMerged, Later)),
            MergeCatalogReport.ToText(Result(MergeCatalogOutcome.Conflicts, Reviewed, Conflicts(52))));

        ExpectedOutput.AssertMatches(text, "Merge", "console.txt");
    }
}
