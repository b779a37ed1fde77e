using LakehouseManager.Catalog;
using LakehouseManager.Tests.Support;
using Xunit;
using static LakehouseManager.Tests.Catalog.Local.LocalCatalogTestSupport;

namespace LakehouseManager.Tests.Catalog.Local;

public sealed class LocalCatalogMergeTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_clean_merge_makes_one_merge_commit_with_both_sides_changes()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = await PutAsync(catalog, "main", ("a.shared", "SELECT 0"), ("a.dropped", "SELECT 9"));
        await catalog.CreateBranchAsync("dev", root);
        var dev = await PutAsync(catalog, "dev", ("a.dev", "SELECT 1"), ("a.shared", "SELECT 'dev'"));
        dev = await DeleteAsync(catalog, "dev", "a.dropped");
        var main = await PutAsync(catalog, "main", ("a.main", "SELECT 2"));

        var result = await catalog.MergeAsync("dev", dev, "main", main, dryRun: false);
        var commit = await catalog.GetCommitAsync(result.ResultHash!);

        Assert.True(result.WasSuccessful);
        Assert.True(result.WasApplied);
        Assert.Equal(root, result.CommonAncestorHash);
        Assert.Empty(result.Conflicts);
        Assert.Equal([main, dev], commit.ParentHashes);
        Assert.Equal($"Merged dev at {dev} into main at {main}", commit.Message);
        Assert.Equal(result.ResultHash, (await catalog.GetBranchAsync("main")).Hash);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["a.dev"] = "SELECT 1",
                ["a.main"] = "SELECT 2",
                ["a.shared"] = "SELECT 'dev'",
            },
            await ViewsAtAsync(catalog, result.ResultHash!));
    }

    [Fact(Timeout = 60_000)]
    public async Task Conflicts_of_each_kind_are_data_and_nothing_is_applied()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = await PutAsync(catalog, "main", ("k.edited", "SELECT 0"), ("k.removed", "SELECT 0"), ("k.same", "SELECT 0"));
        await catalog.CreateBranchAsync("dev", root);
        await PutAsync(catalog, "dev", ("k.added", "SELECT 'dev'"), ("k.edited", "SELECT 'dev'"), ("k.removed", "SELECT 'dev'"));
        var dev = await PutAsync(catalog, "dev", ("k.same", "SELECT 'both'"), ("k.clean", "SELECT 1"));
        await PutAsync(catalog, "main", ("k.added", "SELECT 'main'"), ("k.edited", "SELECT 'main'"), ("k.same", "SELECT 'both'"));
        var main = await DeleteAsync(catalog, "main", "k.removed");

        var result = await catalog.MergeAsync("dev", dev, "main", main, dryRun: false);

        Assert.False(result.WasSuccessful);
        Assert.False(result.WasApplied);
        Assert.Equal(main, result.ResultHash);
        Assert.Equal(main, (await catalog.GetBranchAsync("main")).Hash);
        Assert.Equal(
            [
                new MergeConflict(Key("k.added"), "KEY_EXISTS", "key 'k.added' already exists"),
                new MergeConflict(
                    Key("k.edited"), "VALUE_DIFFERS",
                    "values of existing and expected content for key 'k.edited' are different"),
                new MergeConflict(Key("k.removed"), "KEY_DOES_NOT_EXIST", "key 'k.removed' does not exist"),
            ],
            result.Conflicts);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_view_removed_on_the_source_but_edited_on_the_target_is_a_value_conflict()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = await PutAsync(catalog, "main", ("k.v", "SELECT 0"));
        await catalog.CreateBranchAsync("dev", root);
        var dev = await DeleteAsync(catalog, "dev", "k.v");
        var main = await PutAsync(catalog, "main", ("k.v", "SELECT 1"));

        var result = await catalog.MergeAsync("dev", dev, "main", main, dryRun: true);

        Assert.Equal("VALUE_DIFFERS", Assert.Single(result.Conflicts).ConflictType);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_dry_run_reports_success_and_applies_nothing()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("dev", root);
        var dev = await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));

        var result = await catalog.MergeAsync("dev", dev, "main", root, dryRun: true);

        Assert.True(result.WasSuccessful);
        Assert.False(result.WasApplied);
        Assert.Equal(root, result.ResultHash);
        Assert.Equal(root, (await catalog.GetBranchAsync("main")).Hash);
        Assert.Empty(await ViewsAtAsync(catalog, root));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stale_expected_target_hash_is_a_reference_conflict_never_an_overwrite()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("dev", root);
        var dev = await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));
        var main = await PutAsync(catalog, "main", ("b.v", "SELECT 2"));

        var error = await Assert.ThrowsAsync<CatalogException>(
            () => catalog.MergeAsync("dev", dev, "main", root, dryRun: false));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Equal($"named-reference 'main' is not at expected hash '{root}', but at '{main}'", error.Message);
        Assert.Equal(main, (await catalog.GetBranchAsync("main")).Hash);
    }

    [Fact(Timeout = 60_000)]
    public async Task Running_a_merge_again_is_a_success_without_a_new_commit()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("dev", root);
        var dev = await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));
        var first = await catalog.MergeAsync("dev", dev, "main", root, dryRun: false);

        var again = await catalog.MergeAsync("dev", dev, "main", first.ResultHash!, dryRun: false);

        Assert.True(again.WasSuccessful);
        Assert.False(again.WasApplied);
        Assert.Equal(first.ResultHash, again.ResultHash);
        Assert.Empty(again.Conflicts);
        Assert.Equal(first.ResultHash, (await catalog.GetBranchAsync("main")).Hash);
    }

    [Fact(Timeout = 60_000)]
    public async Task Merging_an_already_merged_hash_with_a_stale_expected_hash_is_a_success_without_a_new_commit()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("dev", root);
        var dev = await PutAsync(catalog, "dev", ("a.v", "SELECT 1"));
        await catalog.MergeAsync("dev", dev, "main", root, dryRun: false);
        var main = await PutAsync(catalog, "main", ("b.v", "SELECT 2"));

        var again = await catalog.MergeAsync("dev", dev, "main", root, dryRun: false);

        Assert.True(again.WasSuccessful);
        Assert.False(again.WasApplied);
        Assert.Equal(main, again.ResultHash);
        Assert.Equal(dev, again.CommonAncestorHash);
        Assert.Equal(main, (await catalog.GetBranchAsync("main")).Hash);
    }

    [Fact(Timeout = 60_000)]
    public async Task Merging_main_back_into_a_branch_then_the_branch_into_main_carries_only_the_branch_changes()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = await PutAsync(catalog, "main", ("a.v", "SELECT 0"));
        await catalog.CreateBranchAsync("dev", root);
        var dev = await PutAsync(catalog, "dev", ("a.dev", "SELECT 1"));
        var main = await PutAsync(catalog, "main", ("a.v", "SELECT 'main'"));
        var back = await catalog.MergeAsync("main", main, "dev", dev, dryRun: false);
        var main2 = await PutAsync(catalog, "main", ("a.later", "SELECT 3"));

        var forward = await catalog.MergeAsync("dev", back.ResultHash!, "main", main2, dryRun: false);

        Assert.True(forward.WasApplied);
        Assert.Equal(main, forward.CommonAncestorHash);
        Assert.Equal(["Added a.dev"], await DiffAsync(catalog, main2, forward.ResultHash!));
    }

    [Fact(Timeout = 60_000)]
    public async Task Merging_a_commit_of_a_deleted_branch_that_is_not_merged_yet_names_the_branch()
    {
        using var temp = new TempDirectory();
        using var catalog = await OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;
        await catalog.CreateBranchAsync("ghost", root);
        var ghostHead = await PutAsync(catalog, "ghost", ("a.ghost", "SELECT 1"));
        await catalog.DeleteBranchAsync("ghost", ghostHead);

        var error = await Assert.ThrowsAsync<CatalogException>(
            () => catalog.MergeAsync("ghost", ghostHead, "main", root, dryRun: true));

        Assert.Equal(CatalogErrorKind.NotFound, error.Kind);
        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }
}

public sealed class LocalCatalogAlreadyMergedTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_commit_already_in_the_target_is_already_merged_even_when_its_branch_is_gone()
    {
        using var temp = new TempDirectory();
        using var catalog = await LocalCatalogTestSupport.OpenAsync(temp);
        var root = (await catalog.GetBranchAsync("main")).Hash;

        var result = await catalog.MergeAsync("ghost", root, "main", root, dryRun: true);

        Assert.True(result.AlreadyMerged);
        Assert.Equal(root, result.ResultHash);
    }
}
