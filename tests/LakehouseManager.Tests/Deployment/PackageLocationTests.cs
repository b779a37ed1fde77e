using LakehouseManager.Deployment;
using Xunit;

namespace LakehouseManager.Tests.Deployment;

public sealed class PackageLocationTests
{
    private static readonly DateTimeOffset s_time = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("dev", "ci", "mary", "lakehouse-manager-packages-dev")]
    [InlineData(null, "ci", "mary", "lakehouse-manager-packages-ci")]
    [InlineData(" ", "", "mary", "lakehouse-manager-packages-mary")]
    public void The_stage_is_the_parameter_else_LAKEHOUSE_STAGE_else_the_user_name(string? stage, string? environment, string user, string bucket)
    {
        var location = PackageLocation.Resolve(stage, environment, user, "1.2.3", s_time, "linux-x64");

        Assert.Equal(bucket, location.Bucket);
        Assert.Equal("lakehouse-manager-1.2.3-20260102T030405Z-linux-x64.zip", location.Key);
        Assert.Equal($"s3://{bucket}/lakehouse-manager-1.2.3-20260102T030405Z-linux-x64.zip", location.S3Uri);
    }

    [Theory]
    [InlineData("Mary_Major", "the user name", "only lower-case letters, digits, '-' and '.'")]
    [InlineData("dev-", "--stage", "ends with a letter or digit")]
    [InlineData("a..b", "--stage", "no two dots in a row")]
    [InlineData("a-very-long-stage-name-that-does-not-fit-in-63", "--stage", "3 to 63 characters, and this one has 73")]
    public void A_stage_that_makes_a_bucket_name_S3_refuses_is_named_with_the_rule_it_breaks(string stage, string source, string rule)
    {
        var error = Assert.Throws<LakehouseException>(() =>
            PackageLocation.Resolve(source == "--stage" ? stage : null, null, stage, "1.0.0", s_time, "linux-x64"));

        Assert.Contains($"The stage '{stage}' (from {source})", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Contains("--stage", error.Message, StringComparison.Ordinal);
    }
}
