using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Views;

/// <summary>
/// Reads a view's SQL from its Iceberg view metadata file (<c>metadataLocation</c>): <c>file://</c> from the disk,
/// <c>s3://</c> (also <c>s3a://</c>, <c>s3n://</c>) through AWSSDK.S3. For plain Nessie without Dremio (design §3).
/// Every failure for one view (a missing file, a denied object, unreadable JSON) is an unresolved outcome with its
/// reason, never an exception; only cancellation throws.
/// </summary>
internal sealed class IcebergViewMetadataReader : IDisposable
{
    private readonly Func<IAmazonS3> _createS3;
    private readonly object _gate = new();
    private IAmazonS3? _s3;

    /// <param name="createS3">
    /// Makes the S3 client on first use (tests point one at moto); null: AWSSDK's default credentials and region.
    /// </param>
    public IcebergViewMetadataReader(Func<IAmazonS3>? createS3 = null)
    {
        _createS3 = createS3 ?? (() => new AmazonS3Client());
    }

    /// <summary>The SQL of the current version of view <paramref name="key"/>, whose metadata is at <paramref name="metadataLocation"/>.</summary>
    public async Task<ViewSql> ReadSqlAsync(ContentKey key, string? metadataLocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrWhiteSpace(metadataLocation))
        {
            return new ViewSql.Unresolved(key, "the view has no metadata location");
        }

        if (!Uri.TryCreate(metadataLocation, UriKind.Absolute, out var uri))
        {
            return new ViewSql.Unresolved(key, $"the metadata location '{metadataLocation}' is not a URL");
        }

        string? json;
        string? failure;
        switch (uri.Scheme)
        {
            case "file":
                (json, failure) = await ReadFileAsync(uri, cancellationToken).ConfigureAwait(false);
                break;
            case "s3" or "s3a" or "s3n":
                (json, failure) = await ReadS3Async(uri, metadataLocation, cancellationToken).ConfigureAwait(false);
                break;
            default:
                return new ViewSql.Unresolved(
                    key,
                    $"the metadata location '{metadataLocation}' uses the scheme '{uri.Scheme}'; only file:// and s3:// are read");
        }

        if (json is null)
        {
            return new ViewSql.Unresolved(key, failure!);
        }

        try
        {
            var outcome = IcebergViewMetadata.Parse(json).CurrentSql(key);
            return outcome is ViewSql.Unresolved unresolved
                ? unresolved with { Reason = $"{unresolved.Reason} ({metadataLocation})" }
                : outcome;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return new ViewSql.Unresolved(key, $"the metadata file {metadataLocation} is not readable view metadata: {e.Message}");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _s3?.Dispose();
            _s3 = null;
        }
    }

    private static async Task<(string? Json, string? Failure)> ReadFileAsync(Uri uri, CancellationToken cancellationToken)
    {
        var path = uri.LocalPath;
        try
        {
            return (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, $"the metadata file {path} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"the metadata file {path} cannot be read: {e.Message}");
        }
    }

    private async Task<(string? Json, string? Failure)> ReadS3Async(Uri uri, string location, CancellationToken cancellationToken)
    {
        var bucket = uri.Host;
        var key = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (bucket.Length == 0 || key.Length == 0)
        {
            return (null, $"the metadata location '{location}' names no bucket and key");
        }

        try
        {
            using var response = await S3().GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(response.ResponseStream);
            return (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, $"the metadata file {location} does not exist ({e.ErrorCode})");
        }
        catch (AmazonServiceException e)
        {
            return (null, $"S3 refused to read {location}: {e.ErrorCode ?? e.StatusCode.ToString()} {e.Message}");
        }
        catch (AmazonClientException e)
        {
            // No credentials, no region, an unreachable endpoint: said for this view, and the same for the next.
            return (null, $"could not read {location} from S3: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"could not reach S3 for {location}: {e.Message}");
        }
    }

    private IAmazonS3 S3()
    {
        lock (_gate)
        {
            return _s3 ??= _createS3();
        }
    }
}
