using System.Net;
using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>Error answers over real HTTP: 401, 403, 404, 409, 429, 5xx and resets, and the token in none of them.</summary>
public sealed class NessieClientErrorTests : IAsyncLifetime
{
    private NessieFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await NessieFake.StartAsync();
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_token_is_unauthorized_from_a_plain_401()
    {
        using var client = NessieTestKit.Client(_fake, token: "wrong-token-42");

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetReferenceAsync("main"));

        Assert.Equal(CatalogErrorKind.Unauthorized, error.Kind);
        Assert.Contains("reference 'main'", error.Message, StringComparison.Ordinal);
        Assert.Equal("", _fake.Requests.Single().Body);
        Assert.Equal(401, _fake.Requests.Single().StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Forbidden_not_found_and_conflict_keep_their_kinds()
    {
        using var client = NessieTestKit.Client(_fake);
        _fake.FailNextRequests(1, HttpStatusCode.Forbidden);

        var forbidden = await Assert.ThrowsAsync<CatalogException>(() => client.GetReferenceAsync("main"));
        var notFound = await Assert.ThrowsAsync<CatalogException>(() => client.GetReferenceAsync("nope"));
        var conflict = await Assert.ThrowsAsync<CatalogException>(
            () => client.DeleteReferenceAsync("main", NessieFakeRepository.NoAncestorHash));

        Assert.Equal(CatalogErrorKind.Forbidden, forbidden.Kind);
        Assert.Equal(CatalogErrorKind.NotFound, notFound.Kind);
        Assert.Contains("Named reference 'nope' not found", notFound.Message, StringComparison.Ordinal);
        Assert.Equal(CatalogErrorKind.BadRequest, conflict.Kind);
    }

    [Fact(Timeout = 30_000)]
    public async Task Too_many_requests_after_the_retries_is_too_many_requests()
    {
        using var client = NessieTestKit.Client(_fake, NessieTestKit.QuickPipeline(maxRetryAttempts: 2));
        _fake.FailNextRequests(5, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetReferenceAsync("main"));

        Assert.Equal(CatalogErrorKind.TooManyRequests, error.Kind);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_after_the_retries_is_unavailable(int status)
    {
        using var client = NessieTestKit.Client(_fake, NessieTestKit.QuickPipeline(maxRetryAttempts: 2));
        _fake.FailNextRequests(5, (HttpStatusCode)status);

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetReferenceAsync("main"));

        Assert.Equal(CatalogErrorKind.Unavailable, error.Kind);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Connection_resets_after_the_retries_are_unavailable()
    {
        using var client = NessieTestKit.Client(_fake, NessieTestKit.QuickPipeline(maxRetryAttempts: 2));
        _fake.ResetNextRequests(5);

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetReferenceAsync("main"));

        Assert.Equal(CatalogErrorKind.Unavailable, error.Kind);
        Assert.StartsWith("Could not reach Nessie at 127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_token_appears_in_no_error_even_when_the_server_echoes_it()
    {
        var token = _fake.Token!;
        using var client = NessieTestKit.Client(_fake, NessieTestKit.QuickPipeline(maxRetryAttempts: 1));
        var errors = new List<Exception>();
        async Task Collect(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (CatalogException e)
            {
                errors.Add(e);
            }
        }

        _fake.FailNextRequests(1, HttpStatusCode.Forbidden, message: $"Bearer {token} is not allowed here");
        await Collect(() => client.GetReferenceAsync("main"));
        _fake.FailNextRequests(2, HttpStatusCode.InternalServerError, message: $"crash while checking {token}");
        await Collect(() => client.GetConfigAsync());
        _fake.FailNextRequests(1, HttpStatusCode.BadRequest, message: $"bad {token}");
        await Collect(() => client.GetEntriesAsync(NessieRefSpec.Head("main")).ToListAsync());
        _fake.ResetNextRequests(2);
        await Collect(() => client.GetReferenceAsync("main"));
        await Collect(() => client.GetReferenceAsync("nope"));
        await Collect(() => client.MergeAsync("main", _fake.Head(), new NessieMergeRequest("nope", _fake.Head(), "m")));
        using (var wrong = NessieTestKit.Client(_fake, token: token + "x"))
        {
            await Collect(() => wrong.GetReferenceAsync("main"));
        }

        Assert.Equal(7, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain(token, e.ToString(), StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("Bearer *** is not allowed here", StringComparison.Ordinal));
    }
}
