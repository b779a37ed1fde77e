using System.Net;
using LakehouseManager.Http;
using Polly;
using Polly.Timeout;
using Xunit;

namespace LakehouseManager.Tests.Http;

public sealed class HttpResilienceTests
{
    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public void Transient_statuses_are_retried_for_repeatable_requests(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        Assert.True(HttpResilience.ShouldRetry(Outcome.FromResult(response), RetrySafety.SafeToRepeat));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public void Answers_that_a_retry_cannot_change_are_not_retried(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        Assert.False(HttpResilience.ShouldRetry(Outcome.FromResult(response), RetrySafety.SafeToRepeat));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.BadGateway, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.GatewayTimeout, false)]
    public void A_request_that_must_not_run_twice_is_retried_only_after_a_429(HttpStatusCode status, bool retried)
    {
        using var response = new HttpResponseMessage(status);

        Assert.Equal(retried, HttpResilience.ShouldRetry(Outcome.FromResult(response), RetrySafety.OnlyIfNotProcessed));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, true, true)]
    [InlineData(HttpRequestError.NameResolutionError, true, true)]
    [InlineData(HttpRequestError.SecureConnectionError, true, true)]
    [InlineData(HttpRequestError.ResponseEnded, true, false)]
    [InlineData(HttpRequestError.Unknown, true, false)]
    public void Network_errors_are_retried_and_only_connection_failures_prove_nothing_was_sent(
        HttpRequestError error, bool retriedWhenRepeatable, bool retriedWhenNotRepeatable)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "network"));

        Assert.Equal(retriedWhenRepeatable, HttpResilience.ShouldRetry(outcome, RetrySafety.SafeToRepeat));
        Assert.Equal(retriedWhenNotRepeatable, HttpResilience.ShouldRetry(outcome, RetrySafety.OnlyIfNotProcessed));
    }

    [Fact]
    public void An_attempt_timeout_is_retried_only_when_the_request_may_run_twice()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());

        Assert.True(HttpResilience.ShouldRetry(outcome, RetrySafety.SafeToRepeat));
        Assert.False(HttpResilience.ShouldRetry(outcome, RetrySafety.OnlyIfNotProcessed));
    }

    [Fact]
    public void Other_exceptions_are_not_retried()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new InvalidOperationException("a bug"));

        Assert.False(HttpResilience.ShouldRetry(outcome, RetrySafety.SafeToRepeat));
    }
}
