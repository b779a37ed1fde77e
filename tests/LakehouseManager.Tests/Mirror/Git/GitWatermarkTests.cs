using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

public sealed class GitWatermarkTests
{
    private const string HashA = "aaaaaaaa11111111";
    private const string HashB = "bbbbbbbb22222222";

    private static Task<string> CommitMirrorAsync(GitRepository repository, string file, string catalogRef, string hash) =>
        CommitAsync(
            repository,
            file,
            GitCommitMessage.Compose($"Mirror {catalogRef}", "- view changed", GitWatermark.Trailers(catalogRef, hash)));

    private static async Task<string> CommitAsync(GitRepository repository, string file, string message)
    {
        GitSandbox.WriteFile(repository, file, message);
        await repository.WorkTree.StageAsync();
        return await repository.WorkTree.CommitAsync(message);
    }

    [Fact(Timeout = 20_000)]
    public async Task There_is_no_watermark_in_a_history_without_mirror_commits()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();

        Assert.Null(await clone.History.FindWatermarkAsync());
    }

    [Fact(Timeout = 20_000)]
    public async Task The_nearest_mirror_commit_is_found_past_later_human_commits()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await CommitMirrorAsync(clone, "a.sql", "dev", HashA);
        var nearest = await CommitMirrorAsync(clone, "b.sql", "dev", HashB);
        await CommitAsync(clone, "c.sql", "Human edit of a view");

        var watermark = await clone.History.FindWatermarkAsync();

        Assert.Equal(new GitWatermark(nearest, "dev", HashB), watermark);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_commit_that_mentions_the_trailer_in_its_body_is_not_a_watermark()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var real = await CommitMirrorAsync(clone, "a.sql", "dev", HashA);
        await CommitAsync(clone, "b.sql", $"Fix view\n\nCatalog-Ref: dev\nCatalog-Commit: {HashB}\n\nThe lines above were pasted from a log.");
        await CommitAsync(clone, "c.sql", $"Explain\n\nWe reset Catalog-Commit: {HashB} and\nCatalog-Ref: main in prose.");

        var watermark = await clone.History.FindWatermarkAsync();

        Assert.Equal(new GitWatermark(real, "dev", HashA), watermark);
    }

    [Fact(Timeout = 20_000)]
    public async Task Ambiguous_or_malformed_trailers_are_skipped_for_an_older_valid_watermark()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var valid = await CommitMirrorAsync(clone, "a.sql", "dev", HashA);
        await CommitAsync(clone, "b.sql", $"Twice\n\nCatalog-Ref: dev\nCatalog-Commit: {HashA}\nCatalog-Commit: {HashB}\n");
        await CommitAsync(clone, "c.sql", "Not a hash\n\nCatalog-Ref: dev\nCatalog-Commit: not-a-hash\n");
        await CommitAsync(clone, "d.sql", $"Only the hash\n\nCatalog-Commit: {HashB}\n");

        var watermark = await clone.History.FindWatermarkAsync();

        Assert.Equal(new GitWatermark(valid, "dev", HashA), watermark);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_watermark_can_come_from_main_through_a_merge()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        await clone.History.CreateBranchAsync("dev", "main");
        var onMain = await CommitMirrorAsync(clone, "main.sql", "main", HashA);
        await clone.WorkTree.CheckoutAsync("dev");
        await CommitAsync(clone, "dev.sql", "Human work on dev");
        await clone.Merges.MergeAsync("main", "Merge main into dev");

        var watermark = await clone.History.FindWatermarkAsync("dev");

        Assert.Equal(new GitWatermark(onMain, "main", HashA), watermark);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_search_starts_at_the_given_revision()
    {
        using var sandbox = new GitSandbox();
        var (_, clone) = await sandbox.CreateRemoteAndCloneAsync();
        var older = await CommitMirrorAsync(clone, "a.sql", "dev", HashA);
        await CommitMirrorAsync(clone, "b.sql", "dev", HashB);

        Assert.Equal(new GitWatermark(older, "dev", HashA), await clone.History.FindWatermarkAsync("HEAD~1"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_watermark_deep_in_a_long_history_is_found()
    {
        using var sandbox = new GitSandbox();
        var repository = await GitRepository.InitAsync(sandbox.Combine("long"), options: sandbox.Options);
        var watermarkMessage = GitCommitMessage.Compose("Mirror dev", null, GitWatermark.Trailers("dev", HashA));
        await sandbox.FastImportAsync(repository, 3000, watermarkAt: 10, watermarkMessage);

        var watermark = await repository.History.FindWatermarkAsync();

        Assert.NotNull(watermark);
        Assert.Equal(HashA, watermark.CatalogHash);
        Assert.Equal(await repository.History.RevParseAsync("HEAD~2990"), watermark.GitCommit);
    }

    [Fact(Timeout = 20_000)]
    public async Task An_unborn_branch_has_no_watermark_but_an_unknown_revision_is_an_error()
    {
        using var sandbox = new GitSandbox();
        var repository = await GitRepository.InitAsync(sandbox.Combine("empty"), options: sandbox.Options);

        Assert.Null(await repository.History.FindWatermarkAsync());
        await Assert.ThrowsAsync<GitException>(() => repository.History.FindWatermarkAsync("no-such-branch"));
    }
}
