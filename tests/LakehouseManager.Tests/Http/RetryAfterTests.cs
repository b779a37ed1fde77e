using System.Net.Http.Headers;
using LakehouseManager.Http;
using Xunit;

namespace LakehouseManager.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_delay_in_seconds_is_read_as_that_many_seconds()
    {
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.GetDelay(response.Headers, s_now));
    }

    [Fact]
    public void An_http_date_is_read_as_the_time_until_that_date()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", "Thu, 01 Jan 2026 12:00:42 GMT");

        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfter.GetDelay(response.Headers, s_now));
    }

    [Fact]
    public void A_date_in_the_past_asks_for_no_wait()
    {
        using var response = new HttpResponseMessage();
        response.Headers.RetryAfter = new RetryConditionHeaderValue(s_now.AddMinutes(-5));

        Assert.Equal(TimeSpan.Zero, RetryAfter.GetDelay(response.Headers, s_now));
    }

    [Fact]
    public void Without_the_header_no_delay_is_asked_for()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(RetryAfter.GetDelay(response.Headers, s_now));
    }
}
