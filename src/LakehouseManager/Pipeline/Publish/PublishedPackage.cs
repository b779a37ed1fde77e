namespace LakehouseManager.Pipeline.Publish;

/// <summary>A bundle in S3: its <c>s3://</c> URI, a presigned GET URL and when that URL expires.</summary>
public sealed record PublishedPackage(string S3Uri, Uri PresignedUrl, DateTimeOffset Expires, bool BucketCreated);
