using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Catalog;

public sealed class RefNameTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("feature/x-1")]
    [InlineData("release_2.0")]
    public void Nessie_and_git_compatible_names_are_valid(string name)
    {
        Assert.Null(RefName.Validate(name));
        Assert.Equal(name, RefName.Require(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a..b")]
    [InlineData("ends.")]
    [InlineData("ends/")]
    [InlineData("HEAD")]
    [InlineData("detached")]
    [InlineData("deadbeef")]
    [InlineData("x.lock")]
    [InlineData("a//b")]
    [InlineData("a/.b")]
    [InlineData("a.lock/b")]
    [InlineData("a/b.lock/c")]
    public void Invalid_names_are_rejected_naming_the_name(string name)
    {
        var error = Assert.Throws<InvalidNameException>(() => RefName.Require(name));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("a.lock/b", false)]
    [InlineData("a/b.lock/c", false)]
    [InlineData("a.lock.lock/x", false)]
    [InlineData("a/b.lock", false)]
    [InlineData("a/.lock/b", false)]
    [InlineData("a.LOCK/b", true)]
    [InlineData("ab.lockx/c", true)]
    [InlineData("a/lock", true)]
    [InlineData("a./b", true)]
    public async Task Lock_suffixes_are_judged_as_git_check_ref_format_judges_them(string name, bool valid)
    {
        var gitAccepts = await GitAcceptsBranchNameAsync(name);

        Assert.Equal(valid, gitAccepts);
        Assert.Equal(valid, RefName.Validate(name) is null);
    }

    [Fact]
    public void A_name_over_244_characters_is_refused_before_anything_is_created()
    {
        var name = "feature/" + new string('a', 292);

        var error = Assert.Throws<InvalidNameException>(() => RefName.Require(name, "branch (--to-ref)"));

        Assert.Equal(
            $"Invalid branch (--to-ref) name '{name[..57]}...': it has 300 characters, and a branch name has at most 244: " +
            "Nessie keeps 'refs/heads/<name>' in at most 255 characters, and git keeps a branch as a file whose name has " +
            "at most 255 bytes.",
            error.Message);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(244, true)]
    [InlineData(250, false)]
    [InlineData(251, false)]
    [InlineData(300, false)]
    public async Task Every_name_the_limit_lets_through_is_one_git_can_store(int length, bool valid)
    {
        // Arrange
        using var sandbox = new GitSandbox();
        var repository = await GitRepository.InitAsync(sandbox.Combine("repo"), options: sandbox.Options);
        await GitSandbox.CommitFileAsync(repository, "a.txt", "a", "first");
        var name = new string('b', length);

        // Act
        var created = await new GitRunner(repository.Directory, sandbox.Options).TryRunAsync(
            "branch", a => a.Add("branch").Add(name), CancellationToken.None);

        // Assert
        Assert.Equal(valid, RefName.Validate(name) is null);
        Assert.Equal(length <= 250, created.ExitCode == 0);
    }

    [Theory]
    [InlineData("0123abcd", true)]
    [InlineData("0123abc", false)]
    [InlineData("0123abcz", false)]
    public void A_hash_has_8_to_64_hex_digits(string text, bool isHash)
    {
        Assert.Equal(isHash, RefName.IsHash(text));
    }

    private static async Task<bool> GitAcceptsBranchNameAsync(string name)
    {
        var git = new GitRunner(Path.GetTempPath(), GitOptions.Default);
        var result = await git.TryRunAsync(
            "check-ref-format", a => a.Add("check-ref-format").Add("--branch").Add(name), CancellationToken.None);
        return result.ExitCode == 0;
    }
}
