using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Config and references over real HTTP against the fake.</summary>
public sealed class NessieClientReferenceTests : IAsyncLifetime
{
    private NessieFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await NessieFake.StartAsync();
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task The_config_gives_the_default_branch_and_the_spec_version()
    {
        using var client = NessieTestKit.Client(_fake);

        var config = await client.GetConfigAsync();

        Assert.Equal("main", config.DefaultBranch);
        Assert.Equal("2.2.0", config.SpecVersion);
        Assert.Equal(NessieKeyEncoding.Escaped, config.KeyEncoding);
        Assert.Equal(NessieFakeRepository.NoAncestorHash, config.NoAncestorHash);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_config_is_fetched_once_per_client()
    {
        using var client = NessieTestKit.Client(_fake);

        await client.GetConfigAsync();
        await client.GetKeyEncodingAsync();
        await client.GetConfigAsync();

        Assert.Single(_fake.To("GET config"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_is_read_with_its_head_hash()
    {
        using var client = NessieTestKit.Client(_fake);

        var main = await client.GetReferenceAsync("main");

        Assert.Equal(NessieReference.Branch("main", _fake.Head()), main);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_is_created_from_a_hash_and_deleted_at_its_hash()
    {
        using var client = NessieTestKit.Client(_fake);

        var created = await client.CreateReferenceAsync("dev", NessieReferenceType.Branch, "main", _fake.Head());
        var deleted = await client.DeleteReferenceAsync("dev", created.Hash!);

        Assert.Equal(NessieReference.Branch("dev", _fake.Head()), created);
        Assert.Equal(created, deleted);
        Assert.Null(_fake.Repository.FindReference("dev"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_branch_name_with_a_slash_travels_as_one_path_element()
    {
        using var client = NessieTestKit.Client(_fake);
        await client.CreateReferenceAsync("feature/x", NessieReferenceType.Branch, "main", _fake.Head());

        var branch = await client.GetReferenceAsync("feature/x");

        Assert.Equal("feature/x", branch.Name);
        Assert.Contains(_fake.Requests, r => r.RawTarget == "/api/v2/trees/feature%2Fx%40");
    }

    [Fact(Timeout = 30_000)]
    public async Task Listing_references_pages_across_page_boundaries()
    {
        using var client = NessieTestKit.Client(_fake);
        for (var i = 0; i < 11; i++)
        {
            _fake.Repository.CreateReference($"b{i:D2}", "BRANCH", _fake.Head());
        }

        var references = await client.ListReferencesAsync(maxRecords: 5).ToListAsync();

        Assert.Equal(12, references.Count);
        Assert.Equal(12, references.Select(r => r.Name).Distinct().Count());
        Assert.Equal(3, _fake.To("GET trees").Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Listing_references_applies_a_cel_filter()
    {
        using var client = NessieTestKit.Client(_fake);
        _fake.Repository.CreateReference("v1", "TAG", _fake.Head());
        _fake.Repository.CreateReference("dev", "BRANCH", _fake.Head());

        var tags = await client.ListReferencesAsync("refType == 'TAG'").ToListAsync();
        var dev = await client.ListReferencesAsync("ref.name == 'dev'").ToListAsync();

        Assert.Equal([new NessieReference(NessieReferenceType.Tag, "v1", _fake.Head())], tags);
        Assert.Equal(["dev"], dev.Select(r => r.Name));
    }

    [Fact(Timeout = 30_000)]
    public async Task Fetch_all_adds_the_commit_counts_against_the_default_branch()
    {
        using var client = NessieTestKit.Client(_fake);
        await client.CreateReferenceAsync("dev", NessieReferenceType.Branch, "main", _fake.Head());
        _fake.Views.CreateView("dev", NessieTestKit.Key("sales.returns"), "SELECT 2");
        _fake.Views.CreateView("dev", NessieTestKit.Key("sales.refunds"), "SELECT 3");
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.invoices"), "SELECT 4");

        var dev = (await client.ListReferencesAsync("ref.name == 'dev'", fetchAll: true).ToListAsync()).Single();

        Assert.Equal(2, dev.CommitsAhead);
        Assert.Equal(1, dev.CommitsBehind);
    }

    [Fact(Timeout = 30_000)]
    public async Task Creating_an_existing_branch_is_already_exists()
    {
        using var client = NessieTestKit.Client(_fake);

        var error = await Assert.ThrowsAsync<CatalogException>(
            () => client.CreateReferenceAsync("main", NessieReferenceType.Branch, "main", _fake.Head()));

        Assert.Equal(CatalogErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("'main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("REFERENCE_ALREADY_EXISTS", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Deleting_a_branch_that_moved_is_a_conflict_and_keeps_it()
    {
        using var client = NessieTestKit.Client(_fake);
        var created = await client.CreateReferenceAsync("dev", NessieReferenceType.Branch, "main", _fake.Head());
        _fake.Views.CreateView("dev", NessieTestKit.Key("sales.returns"), "SELECT 2");

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.DeleteReferenceAsync("dev", created.Hash!));

        Assert.Equal(CatalogErrorKind.Conflict, error.Kind);
        Assert.Contains("UNEXPECTED_HASH", error.Message, StringComparison.Ordinal);
        Assert.NotNull(_fake.Repository.FindReference("dev"));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_default_branch_cannot_be_deleted()
    {
        using var client = NessieTestKit.Client(_fake);

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.DeleteReferenceAsync("main", _fake.Head()));

        Assert.Equal(CatalogErrorKind.BadRequest, error.Kind);
        Assert.Contains("Default branch 'main' cannot be deleted", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_arctic_endpoint_reaches_the_repository_path_on_the_regions_host()
    {
        using var client = NessieTestKit.ArcticClient(_fake, "emea");

        var main = await client.GetReferenceAsync("main");

        Assert.Equal(_fake.Head(), main.Hash);
        Assert.Equal($"/repositories/{_fake.RepositoryId}/api/v2/trees/main", _fake.To("GET trees/{ref}").Single().RawTarget);
    }
}
