using LakehouseManager.Aws;
using Xunit;

namespace LakehouseManager.Tests.Aws;

public sealed class AwsSettingsTests
{
    [Fact]
    public void The_region_parameter_wins_over_aws_region_which_wins_over_aws_default_region()
    {
        var environment = Environment(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "us-west-2"));

        Assert.Equal("ap-southeast-2", AwsSettings.Resolve("ap-southeast-2", null, environment).Region);
        Assert.Equal("eu-west-1", AwsSettings.Resolve(null, null, environment).Region);
        Assert.Equal("us-west-2", AwsSettings.Resolve(" ", null, Environment(("AWS_DEFAULT_REGION", "us-west-2"))).Region);
    }

    [Fact]
    public void The_default_endpoint_is_the_services_regional_host()
    {
        var settings = AwsSettings.For("eu-central-1");

        Assert.Equal(new Uri("https://codecommit.eu-central-1.amazonaws.com/"), settings.EndpointFor(AwsService.CodeCommit));
        Assert.Equal(new Uri("https://secretsmanager.eu-central-1.amazonaws.com/"), settings.EndpointFor(AwsService.SecretsManager));
        Assert.Equal(new Uri("https://events.eu-central-1.amazonaws.com/"), settings.EndpointFor(AwsService.EventBridge));
        Assert.Equal(new Uri("https://codebuild.cn-north-1.amazonaws.com.cn/"), AwsSettings.For("cn-north-1").EndpointFor(AwsService.CodeBuild));
    }

    [Fact]
    public void The_endpoint_parameter_serves_every_service_and_beats_the_environment()
    {
        var settings = AwsSettings.Resolve("us-east-1", "http://127.0.0.1:5000", Environment(("AWS_ENDPOINT_URL_CODECOMMIT", "http://127.0.0.1:6000")));

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), settings.EndpointFor(AwsService.CodeCommit));
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), settings.EndpointFor(AwsService.CodeBuild));
    }

    [Fact]
    public void Service_specific_endpoint_variables_beat_the_global_one()
    {
        var settings = AwsSettings.Resolve("us-east-1", null, Environment(
            ("AWS_ENDPOINT_URL_CODECOMMIT", "http://127.0.0.1:6000"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000/moto")));

        Assert.Equal(new Uri("http://127.0.0.1:6000/"), settings.EndpointFor(AwsService.CodeCommit));
        Assert.Equal(new Uri("http://127.0.0.1:5000/moto/"), settings.EndpointFor(AwsService.SecretsManager));
    }

    [Fact]
    public void A_missing_region_says_where_to_set_one()
    {
        var error = Assert.Throws<LakehouseException>(() => AwsSettings.Resolve(null, null, Environment()));

        Assert.Equal(
            "No AWS region is set: pass --aws-region (a region code such as us-east-1 or eu-west-1) or set the AWS_REGION " +
            "or AWS_DEFAULT_REGION environment variable.",
            error.Message);
    }

    [Theory]
    [InlineData("Ireland")]
    [InlineData("eu-west")]
    [InlineData("https://eu-west-1")]
    public void A_region_that_is_no_region_code_is_refused(string region)
    {
        var error = Assert.Throws<LakehouseException>(() => AwsSettings.Resolve(region, null, Environment()));

        Assert.Equal(
            $"'{region}' is not an AWS region: expected a region code such as us-east-1 or eu-west-1 (--aws-region, " +
            "AWS_REGION or AWS_DEFAULT_REGION).",
            error.Message);
    }

    [Theory]
    [InlineData("localhost:5000", "--aws-endpoint-url 'localhost:5000' is not an endpoint URL")]
    [InlineData("ftp://127.0.0.1/", "--aws-endpoint-url 'ftp://127.0.0.1/' is not an endpoint URL")]
    [InlineData("http://127.0.0.1:5000/?x=1", "--aws-endpoint-url 'http://127.0.0.1:5000/?x=1' must not have a query or fragment")]
    public void A_bad_endpoint_is_refused_with_an_example(string endpoint, string start)
    {
        var error = Assert.Throws<LakehouseException>(() => AwsSettings.Resolve("us-east-1", endpoint, Environment()));

        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("expected an absolute http or https URL such as http://127.0.0.1:5000.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_with_a_password_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<LakehouseException>(
            () => AwsSettings.Resolve("us-east-1", "http://user:hunter2@127.0.0.1:5000", Environment()));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("--aws-endpoint-url must not contain a user name or password", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
