using LakehouseManager.Deployment;
using LakehouseManager.Pipeline.Publish;

namespace LakehouseManager.Pipeline;

/// <summary>Publish's upload of the bundle to S3 (issue 12).</summary>
public sealed partial class LakehousePipeline
{
    /// <summary>Uploads <paramref name="zipFile"/> to <paramref name="location"/> (creating the bucket when missing) and presigns it.</summary>
    public Task<PublishedPackage> PublishPackageAsync(string zipFile, PackageLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!File.Exists(zipFile))
        {
            throw new LakehouseException($"There is no bundle at '{zipFile}' to publish: run ./build.sh Pack first.");
        }

        return new PackageUploader(_lakehouse.Aws, _lakehouse.TimeProvider, _logger).UploadAsync(zipFile, location, cancellationToken);
    }
}
