using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LakehouseManager.Catalog.Views;
using LakehouseManager.Fakes.Nessie;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Aws.Moto;
using LakehouseManager.Tests.Catalog.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Views;

/// <summary>Reading a view's SQL from its metadata file: file:// as the Nessie fake writes it, s3:// through moto.</summary>
[Collection(nameof(MotoCollection))]
public sealed class IcebergViewMetadataReaderTests(MotoServer moto) : IAsyncLifetime
{
    private static readonly ContentKey s_view = NessieTestKit.Key("sales.orders");
    private NessieFake _fake = null!;

    public async Task InitializeAsync() => _fake = await NessieFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task A_file_metadata_location_gives_the_current_versions_sql()
    {
        var key = NessieTestKit.Key("sales.orders");
        _fake.Views.CreateView("main", key, "SELECT 1");
        _fake.Views.AlterView("main", key, "SELECT 2");
        using var reader = new IcebergViewMetadataReader();

        var outcome = await reader.ReadSqlAsync(key, _fake.Repository.ContentAt("main", key)!.MetadataLocation);

        Assert.Equal(new ViewSql.Resolved(key, "SELECT 2"), outcome);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_metadata_file_is_unresolved_and_names_the_file()
    {
        var key = NessieTestKit.Key("sales.orders");
        _fake.Views.CreateView("main", key, "SELECT 1");
        _fake.Views.MakeUnreadable("main", key);
        var location = _fake.Repository.ContentAt("main", key)!.MetadataLocation!;
        using var reader = new IcebergViewMetadataReader();

        var outcome = await reader.ReadSqlAsync(key, location);

        Assert.Equal(new ViewSql.Unresolved(key, $"the metadata file {new Uri(location).LocalPath} does not exist"), outcome);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("gs://bucket/v.json", "uses the scheme 'gs'; only file:// and s3:// are read")]
    [InlineData("not a url", "is not a URL")]
    [InlineData("", "the view has no metadata location")]
    public async Task A_location_that_cannot_be_read_says_why(string location, string expected)
    {
        using var reader = new IcebergViewMetadataReader();

        var outcome = await reader.ReadSqlAsync(s_view, location);

        Assert.Contains(expected, Assert.IsType<ViewSql.Unresolved>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_s3_metadata_location_is_read_through_the_sdk_and_a_missing_object_is_unresolved()
    {
        AmazonS3Client Client() => new(new BasicAWSCredentials("testing", "testing"),
            new AmazonS3Config { ServiceURL = moto.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        var bucket = $"warehouse-{Guid.NewGuid():N}";
        var key = NessieTestKit.Key("sales.orders");
        _fake.Views.CreateView("main", key, "SELECT 'from s3'");
        var json = await File.ReadAllTextAsync(new Uri(_fake.Repository.ContentAt("main", key)!.MetadataLocation!).LocalPath);
        using (var setup = Client())
        {
            await setup.PutBucketAsync(bucket);
            await setup.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = "sales/orders/metadata/00000-1.metadata.json",
                ContentBody = json,
            });
        }

        using var reader = new IcebergViewMetadataReader(Client);
        var found = await reader.ReadSqlAsync(key, $"s3://{bucket}/sales/orders/metadata/00000-1.metadata.json");
        var missing = await reader.ReadSqlAsync(key, $"s3://{bucket}/sales/orders/metadata/00001-2.metadata.json");

        Assert.Equal(new ViewSql.Resolved(key, "SELECT 'from s3'"), found);
        Assert.Contains("does not exist", Assert.IsType<ViewSql.Unresolved>(missing).Reason, StringComparison.Ordinal);
    }
}
