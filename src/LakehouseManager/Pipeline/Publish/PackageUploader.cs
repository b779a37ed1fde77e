using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Util;
using LakehouseManager.Aws;
using LakehouseManager.Deployment;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Publish;

/// <summary>
/// Publish's upload (issue 12), with AWSSDK.S3: creates the bucket when it is missing, puts the zip, and presigns a GET
/// URL valid for <see cref="UrlLifetime"/> (SigV4's longest). The region, an <c>--aws-endpoint-url</c> (moto, a VPC
/// endpoint) and the credentials are the run's, as for every AWS call.
/// </summary>
internal sealed class PackageUploader(AwsConnection connection, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromDays(7);

    public async Task<PublishedPackage> UploadAsync(string zipFile, PackageLocation location, CancellationToken cancellationToken)
    {
        var credentials = await connection.Credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        AWSCredentials signing = credentials.UseToken
            ? new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token)
            : new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey);
        var region = connection.Settings.Region;
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        var endpoint = connection.Settings.EndpointUrl;
        if (endpoint is not null)
        {
            // A loopback or custom endpoint serves buckets by path, not by host name.
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }

        using var s3 = new AmazonS3Client(signing, config);
        var created = false;
        if (!await AmazonS3Util.DoesS3BucketExistV2Async(s3, location.Bucket).ConfigureAwait(false))
        {
            var request = new PutBucketRequest { BucketName = location.Bucket };
            if (region != "us-east-1")
            {
                request.BucketRegionName = region;
            }

            await s3.PutBucketAsync(request, cancellationToken).ConfigureAwait(false);
            created = true;
            logger.LogInformation("Created the bucket {Bucket} in {Region}", location.Bucket, region);
        }

        await s3.PutObjectAsync(
            new PutObjectRequest { BucketName = location.Bucket, Key = location.Key, FilePath = zipFile, ContentType = "application/zip" },
            cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Uploaded {File} to {Uri}", Path.GetFileName(zipFile), location.S3Uri);
        var now = clock.GetUtcNow();
        var objectUrl = endpoint is null
            ? new Uri($"https://{location.Bucket}.s3.{region}.amazonaws.com/{Uri.EscapeDataString(location.Key)}")
            : new Uri(endpoint, $"{location.Bucket}/{Uri.EscapeDataString(location.Key)}");
        var presigned = await PresignAsync(objectUrl, signing, region, now, cancellationToken).ConfigureAwait(false);
        return new PublishedPackage(location.S3Uri, presigned, now + UrlLifetime, created);
    }

    /// <summary>
    /// A GET URL of <paramref name="objectUrl"/> valid for <see cref="UrlLifetime"/> from <paramref name="now"/>, presigned
    /// with AWSSDK.Core's SigV4 signer: the S3 client's own presigner falls back to the deprecated SigV2 in us-east-1
    /// (AmazonS3Client.GetPreSignedURLInternal), which buckets made since June 2020 refuse.
    /// </summary>
    internal static async Task<Uri> PresignAsync(
        Uri objectUrl, AWSCredentials credentials, string region, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await AWSSigV4Signer.PresignAsync(
            new AWSSigningRequest { HttpMethod = HttpMethod.Get, RequestUri = objectUrl },
            new AWSSigV4Parameters
            {
                Credentials = credentials,
                Region = RegionEndpoint.GetBySystemName(region),
                Service = "s3",
                // S3 signs presigned URLs as UNSIGNED-PAYLOAD, which the signer allows over HTTPS only; a loopback
                // endpoint (moto) on http gets the empty body's hash instead.
                SignPayload = objectUrl.Scheme != Uri.UriSchemeHttps,
                SignedAt = now.UtcDateTime,
            },
            UrlLifetime,
            cancellationToken).ConfigureAwait(false);
        return result.Uri;
    }
}
