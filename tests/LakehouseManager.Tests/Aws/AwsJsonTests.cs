using System.Text.Json;
using LakehouseManager.Aws;
using Xunit;

namespace LakehouseManager.Tests.Aws;

public sealed class AwsJsonTests
{
    [Theory]
    [InlineData("{\"t\":1562619583.565}", "2019-07-08T20:59:43.5650000+00:00")]
    [InlineData("{\"t\":1704164645}", "2024-01-02T03:04:05.0000000+00:00")]
    [InlineData("{\"t\":\"2026-12-03T15:12:35.634000+00:00\"}", "2026-12-03T15:12:35.6340000+00:00")]
    public void Timestamps_are_epoch_seconds_or_iso_8601_as_botocore_reads_them(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AwsJson.Timestamp(document.RootElement, "t"));
    }

    [Fact]
    public void Absent_and_null_members_are_null_and_absent_lists_are_empty()
    {
        using var document = JsonDocument.Parse("{\"a\":null}");

        Assert.Null(AwsJson.String(document.RootElement, "a"));
        Assert.Null(AwsJson.Boolean(document.RootElement, "b"));
        Assert.Empty(AwsJson.Strings(document.RootElement, "c"));
    }

    [Fact]
    public void A_member_of_the_wrong_type_is_named_but_its_value_is_not_shown()
    {
        using var document = JsonDocument.Parse("{\"SecretString\":{\"PAT\":\"dremio_pat_canary\"}}");

        var error = Assert.Throws<FormatException>(() => AwsJson.String(document.RootElement, "SecretString"));

        Assert.Equal("'SecretString' is not a string", error.Message);
    }

    [Fact]
    public void Inputs_leave_out_absent_members_and_write_timestamps_as_epoch_seconds()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteOptional("a", (string?)null);
            writer.WriteOptional("b", "x");
            writer.WriteOptional("Time", (DateTimeOffset?)new DateTimeOffset(2024, 1, 2, 3, 4, 5, 500, TimeSpan.Zero));
            writer.WriteEndObject();
        }

        Assert.Equal("{\"b\":\"x\",\"Time\":1704164645.5}", System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_page_token_sent_twice_stops_the_walk_instead_of_looping()
    {
        var pages = 0;

        var error = await Assert.ThrowsAsync<LakehouseException>(async () => await AwsPaging.EnumerateAsync(
            (_, _) => Task.FromResult(++pages),
            page => new[] { page },
            _ => "same-token",
            "the pull requests of repository mirror").ToListAsync());

        Assert.Equal(2, pages);
        Assert.Equal(
            "AWS sent the same page token twice while listing the pull requests of repository mirror; the listing was " +
            "stopped to avoid an endless loop.",
            error.Message);
    }
}
