using System.Globalization;
using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

/// <summary>The dates git records come from the injected clock, so tests advance it instead of sleeping.</summary>
public sealed class GitCommitDateTests
{
    [Fact(Timeout = 20_000)]
    public async Task Commits_take_their_author_and_committer_dates_from_the_clock()
    {
        using var sandbox = new GitSandbox();
        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), options: sandbox.Options);
        var firstTime = sandbox.Clock.GetUtcNow();

        var first = await GitSandbox.CommitFileAsync(repository, "a.sql", "select 1", "first");
        sandbox.Clock.Advance(TimeSpan.FromHours(1));
        var second = await GitSandbox.CommitFileAsync(repository, "b.sql", "select 2", "second");

        Assert.Equal(Dates(firstTime), await sandbox.GitAsync(repository, "log", "-1", "--format=%at %ct", first));
        Assert.Equal(Dates(firstTime.AddHours(1)), await sandbox.GitAsync(repository, "log", "-1", "--format=%at %ct", second));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_merge_commit_takes_its_dates_from_the_clock()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        await clone.WorkTree.CheckoutAsync("dev");
        await GitSandbox.CommitFileAsync(clone, "views/a.sql", "select 1", "on dev");
        await clone.WorkTree.CheckoutAsync("main");
        sandbox.Clock.Advance(TimeSpan.FromDays(2));

        var merge = await clone.Merges.MergeAsync("dev", "Merge dev");

        Assert.Equal(Dates(sandbox.Clock.GetUtcNow()), await sandbox.GitAsync(clone, "log", "-1", "--format=%at %ct", merge.CommitHash!));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_same_steps_on_the_same_clock_make_the_same_commits()
    {
        using var one = new GitSandbox();
        using var two = new GitSandbox();

        var heads = await Task.WhenAll(MakeHistoryAsync(one), MakeHistoryAsync(two));

        Assert.Equal(heads[0], heads[1]);
    }

    private static async Task<string> MakeHistoryAsync(GitSandbox sandbox)
    {
        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), options: sandbox.Options);
        await GitSandbox.CommitFileAsync(repository, "a.sql", "select 1", "first");
        sandbox.Clock.Advance(TimeSpan.FromMinutes(3));
        return await GitSandbox.CommitFileAsync(repository, "b.sql", "select 2", "second");
    }

    private static string Dates(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds} {seconds}\n";
    }
}
