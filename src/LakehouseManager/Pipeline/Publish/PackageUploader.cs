using Amazon;
using Amazon.Runtime;
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
        if (connection.Settings.EndpointUrl is { } endpoint)
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
        var expires = clock.GetUtcNow() + UrlLifetime;
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
            Verb = HttpVerb.GET,
            Expires = expires.UtcDateTime,
        }).ConfigureAwait(false);
        return new PublishedPackage(location.S3Uri, new Uri(url), expires, created);
    }
}
