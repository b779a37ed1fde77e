using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

public sealed class GitArgumentsTests
{
    [Fact]
    public void A_password_in_a_url_is_redacted_with_the_url_alone_and_decoded()
    {
        const string Url = "https://bot:p%40ss-w0rd@example.com/repo.git";
        var arguments = new GitArguments().Add("fetch").AddUrl(Url);

        var redacted = arguments.Redact($"fatal: cannot reach {Url}; tried p%40ss-w0rd, then p@ss-w0rd");

        Assert.Equal(["fetch", Url], arguments.Values);
        Assert.Equal("fatal: cannot reach ***; tried ***, then ***", redacted);
    }

    [Fact]
    public void A_url_or_a_path_without_a_password_is_shown_as_it_is()
    {
        var arguments = new GitArguments().AddUrl("https://bot@example.com/repo.git").AddUrl("/srv/git/remote.git");

        var text = arguments.Redact("https://bot@example.com/repo.git and /srv/git/remote.git");

        Assert.Equal("https://bot@example.com/repo.git and /srv/git/remote.git", text);
    }

    [Fact]
    public void A_sensitive_value_is_passed_to_git_but_redacted_from_messages()
    {
        var arguments = new GitArguments().Add("-c").AddSensitive("http.extraHeader=Authorization: Bearer tok-123456");

        var text = arguments.Redact("bad config http.extraHeader=Authorization: Bearer tok-123456");

        Assert.Equal(["-c", "http.extraHeader=Authorization: Bearer tok-123456"], arguments.Values);
        Assert.Equal("bad config ***", text);
    }

    [Theory]
    [InlineData("--orphan")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("dev\nmain")]
    public void A_name_that_git_could_read_as_an_option_or_that_is_empty_is_refused(string name)
    {
        var exception = Assert.Throws<LakehouseException>(() => GitArguments.RequireName(name, "branch"));

        Assert.StartsWith($"Invalid git branch '{name}'", exception.Message, StringComparison.Ordinal);
    }
}
