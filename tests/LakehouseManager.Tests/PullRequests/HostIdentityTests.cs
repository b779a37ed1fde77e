using LakehouseManager.PullRequests;
using Xunit;

namespace LakehouseManager.Tests.PullRequests;

public sealed class HostIdentityTests
{
    [Theory]
    [InlineData("arn:aws:sts::123456789012:assumed-role/LakehouseBot/build-2", true)]
    [InlineData("arn:aws:iam::123456789012:role/LakehouseBot", true)]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Admin/build-1", false)]
    [InlineData("arn:aws:sts::210987654321:assumed-role/LakehouseBot/build-1", false)]
    [InlineData("arn:aws:iam::123456789012:user/Mary_Major", false)]
    public void An_assumed_role_is_the_same_identity_whatever_the_session(string author, bool same)
    {
        var identity = new HostIdentity("arn:aws:sts::123456789012:assumed-role/LakehouseBot/build-1");

        Assert.Equal(same, identity.Is(author));
    }

    [Fact]
    public void A_plain_author_is_compared_exactly()
    {
        var identity = new HostIdentity("lakehouse-manager");

        Assert.True(identity.Is("lakehouse-manager"));
        Assert.False(identity.Is("Lakehouse-Manager"));
        Assert.False(identity.Is(null));
    }

    [Fact]
    public void An_idempotency_token_depends_on_what_it_answers_and_only_on_that()
    {
        var token = IdempotencyToken.For("reply", "repo", "42", "comment-7");

        Assert.Equal(token, IdempotencyToken.For("reply", "repo", "42", "comment-7"));
        Assert.NotEqual(token, IdempotencyToken.For("reply", "repo", "42", "comment-8"));
        Assert.NotEqual(IdempotencyToken.For("a", null), IdempotencyToken.For("a", ""));
        Assert.NotEqual(IdempotencyToken.For("ab", "c"), IdempotencyToken.For("a", "bc"));
        Assert.Matches("^lhm-[0-9a-f]{32}$", token);
    }
}
