using System.Net;
using LakehouseManager.Http;
using Xunit;

namespace LakehouseManager.Tests.Http;

/// <summary><see cref="HttpResilience.RefusedForNowKey"/>: a protocol's own "try again later" behind an ordinary status.</summary>
public sealed class HttpResilienceRefusedForNowTests
{
    [Theory(Timeout = 10_000)]
    [InlineData(RetrySafety.SafeToRepeat)]
    [InlineData(RetrySafety.OnlyIfNotProcessed)]
    public async Task A_response_the_predicate_calls_refused_is_retried_whatever_the_safety(RetrySafety safety)
    {
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.BadRequest, HttpStatusCode.OK]);
        using var client = new HttpClient(new StubHandler(statuses));
        var pipeline = HttpResilience.Create(new HttpResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1) }, TimeProvider.System);

        using var response = await client.SendResilientAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "http://aws.invalid/"), pipeline, safety,
            refusedForNow: r => r.StatusCode == HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(statuses);
    }

    [Fact(Timeout = 10_000)]
    public async Task Without_the_predicate_a_400_is_the_answer()
    {
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.BadRequest, HttpStatusCode.OK]);
        using var client = new HttpClient(new StubHandler(statuses));

        using var response = await client.SendResilientAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "http://aws.invalid/"), HttpResilience.Shared, RetrySafety.SafeToRepeat);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(statuses);
    }

    private sealed class StubHandler(Queue<HttpStatusCode> statuses) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(statuses.Dequeue()));
    }
}
