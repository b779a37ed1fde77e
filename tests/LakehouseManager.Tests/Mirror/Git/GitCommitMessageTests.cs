using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

public sealed class GitCommitMessageTests
{
    [Fact]
    public void A_message_is_subject_body_and_the_trailers_as_the_last_paragraph()
    {
        var message = GitCommitMessage.Compose(
            "Mirror catalog branch dev",
            "\n- sales.orders (changed)\r\n- sales.customers (added)\n\n",
            GitWatermark.Trailers("dev", "0123abcd0123abcd"));

        Assert.Equal(
            "Mirror catalog branch dev\n\n- sales.orders (changed)\n- sales.customers (added)\n\n" +
            "Catalog-Ref: dev\nCatalog-Commit: 0123abcd0123abcd\n",
            message);
    }

    [Fact]
    public void Without_body_or_trailers_the_message_is_the_subject_line()
    {
        Assert.Equal("Subject\n", GitCommitMessage.Compose("Subject", null, []));
        Assert.Equal("Subject\n\nKey: v\n", GitCommitMessage.Compose("Subject", "  ", [new GitTrailer("Key", "v")]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two\nlines")]
    public void A_subject_that_is_not_one_line_is_rejected(string subject)
    {
        var exception = Assert.Throws<LakehouseException>(() => GitCommitMessage.Compose(subject, null, []));

        Assert.Contains("one non-empty line", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "v", "key ''")]
    [InlineData("Has Space", "v", "key 'Has Space'")]
    [InlineData("Colon:", "v", "key 'Colon:'")]
    [InlineData("-Dash", "v", "key '-Dash'")]
    [InlineData("Key", "", "'Key': ''")]
    [InlineData("Key", "two\nlines", "'Key': 'two\nlines'")]
    [InlineData("Key", " padded", "'Key': ' padded'")]
    public void Trailer_keys_and_values_git_could_not_read_back_are_rejected(string key, string value, string named)
    {
        var exception = Assert.Throws<LakehouseException>(() => new GitTrailer(key, value));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "a@b")]
    [InlineData("Bot <x>", "a@b")]
    [InlineData("Bot", "a@b\n")]
    public void An_identity_git_would_alter_is_rejected(string name, string email)
    {
        Assert.Throws<LakehouseException>(() => new GitIdentity(name, email));
    }

    [Fact]
    public void The_default_identity_is_lakehouse_manager_at_localhost()
    {
        Assert.Equal("Lakehouse Manager <lakehouse-manager@localhost>", GitIdentity.Default.ToString());
    }
}
