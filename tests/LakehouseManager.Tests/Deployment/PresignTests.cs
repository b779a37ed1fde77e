using Amazon.Runtime;
using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Pipeline.Publish;
using Xunit;

namespace LakehouseManager.Tests.Deployment;

/// <summary>Publish's presigned URL equals the one botocore (an independent SigV4 implementation) makes for the same object and time.</summary>
public sealed class PresignTests
{
    private const string Botocore = """
        import datetime, sys
        from unittest import mock
        import botocore.auth, botocore.credentials, botocore.awsrequest
        creds = botocore.credentials.Credentials('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY')
        with mock.patch('botocore.auth.get_current_datetime', return_value=datetime.datetime(2026, 1, 2, 3, 4, 5)):
            request = botocore.awsrequest.AWSRequest(method='GET', url=sys.argv[1])
            botocore.auth.S3SigV4QueryAuth(creds, 's3', 'us-east-1', expires=604800).add_auth(request)
            print(request.prepare().url)
        """;

    [Fact(Timeout = 60_000)]
    public async Task The_presigned_url_is_SigV4_for_seven_days_and_equals_botocores()
    {
        var url = new Uri("https://lakehouse-manager-packages-dev.s3.us-east-1.amazonaws.com/lakehouse-manager-1.0.0-20260102T030405Z-linux-x64.zip");

        var ours = await PackageUploader.PresignAsync(
            url, new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "us-east-1",
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), CancellationToken.None);
        var botocore = await Cli.Wrap("python3").WithArguments(["-c", Botocore, url.ToString()]).ExecuteBufferedAsync();

        Assert.Equal(Query(new Uri(botocore.StandardOutput.Trim())), Query(ours));
        Assert.Equal("604800", Query(ours)["X-Amz-Expires"]);
        Assert.Equal("host", Query(ours)["X-Amz-SignedHeaders"]);
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
}
