using LakehouseManager.Deployment;
using LakehouseManager.Pipeline.Publish;
using LakehouseManager.Tests.Aws.Moto;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using MotoServer = LakehouseManager.Tests.Aws.Moto.MotoServer;

namespace LakehouseManager.Tests.Deployment.Moto;

/// <summary>Publish's upload against moto's S3: the bucket made when missing, the zip put, a SigV4 URL valid 7 days that serves it.</summary>
[Collection(nameof(MotoCollection))]
public sealed class PublishTests(MotoServer moto)
{
    [Fact(Timeout = 60_000)]
    public async Task The_bundle_is_uploaded_into_a_new_bucket_and_its_presigned_url_serves_it_for_seven_days()
    {
        using var temp = new TempDirectory();
        var zip = temp.Combine("lakehouse-manager-linux-x64.zip");
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(zip, bytes);
        var stage = $"t{Guid.NewGuid():N}"[..20];
        var location = PackageLocation.Resolve(stage, null, null, "1.0.0", DateTimeOffset.UtcNow, "linux-x64");
        var uploader = new PackageUploader(moto.Connection(), TimeProvider.System, NullLogger.Instance);

        var first = await uploader.UploadAsync(zip, location, CancellationToken.None);
        var second = await uploader.UploadAsync(zip, location with { Key = "again.zip" }, CancellationToken.None);
        using var http = new HttpClient();
        var served = await http.GetByteArrayAsync(first.PresignedUrl);

        Assert.True(first.BucketCreated);
        Assert.False(second.BucketCreated);
        Assert.Equal($"s3://lakehouse-manager-packages-{stage}/{location.Key}", first.S3Uri);
        Assert.Equal(bytes, served);
        Assert.Contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", first.PresignedUrl.Query, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Expires=604800", first.PresignedUrl.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("testing%2F", first.PresignedUrl.AbsolutePath, StringComparison.Ordinal);
    }
}
