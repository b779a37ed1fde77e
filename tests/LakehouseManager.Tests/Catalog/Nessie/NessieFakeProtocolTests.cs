using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>
/// The fake's wire shapes checked field by field against api-facts §A with a plain HttpClient (not our client, so a
/// shared misreading cannot hide): names, discriminators, what is omitted, error bodies, and the path forms.
/// </summary>
public sealed class NessieFakeProtocolTests : IAsyncLifetime
{
    private NessieFake _fake = null!;
    private HttpClient _http = null!;
    private string _created = null!;

    public async Task InitializeAsync()
    {
        _fake = await NessieFake.StartAsync();
        _created = _fake.Views.CreateView("main", NessieTestKit.Key("sales.orders"), "SELECT 1");
        _http = new HttpClient { BaseAddress = _fake.ApiUri };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task The_config_has_the_fields_of_nessie_configuration()
    {
        using var config = await GetAsync("config");

        Assert.Equal(
            ["actualApiVersion", "defaultBranch", "maxSupportedApiVersion", "minSupportedApiVersion", "noAncestorHash",
                "oldestPossibleCommitTimestamp", "repositoryCreationTimestamp", "specVersion"],
            Names(config.RootElement));
        Assert.Equal(2, config.RootElement.GetProperty("actualApiVersion").GetInt32());
    }

    [Fact(Timeout = 30_000)]
    public async Task A_reference_is_type_name_hash_and_a_detached_one_has_no_name()
    {
        using var single = await GetAsync("trees/main");
        using var entries = await GetAsync($"trees/@{_created}/entries");

        Assert.Equal(["reference"], Names(single.RootElement));
        var reference = single.RootElement.GetProperty("reference");
        Assert.Equal(["hash", "name", "type"], Names(reference));
        Assert.Equal("BRANCH", reference.GetProperty("type").GetString());
        var detached = entries.RootElement.GetProperty("effectiveReference");
        Assert.Equal(["hash", "type"], Names(detached));
        Assert.Equal("DETACHED", detached.GetProperty("type").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task Entries_have_the_fields_of_entries_response_and_content_only_when_asked()
    {
        using var plain = await GetAsync("trees/main/entries");
        using var withContent = await GetAsync("trees/main/entries?content=true");

        Assert.Equal(["effectiveReference", "entries", "hasMore", "token"], Names(plain.RootElement));
        var entry = plain.RootElement.GetProperty("entries")[1];
        Assert.Equal(["contentId", "name", "type"], Names(entry));
        Assert.Equal(["elements"], Names(entry.GetProperty("name")));
        var view = withContent.RootElement.GetProperty("entries")[1].GetProperty("content");
        Assert.Equal(["dialect", "id", "metadataLocation", "schemaId", "sqlText", "type", "versionId"], Names(view));
        Assert.Equal("ICEBERG_VIEW", view.GetProperty("type").GetString());
        Assert.Equal("Actual view text is stored in Iceberg ViewMetadata in storage", view.GetProperty("sqlText").GetString());
        var ns = withContent.RootElement.GetProperty("entries")[0].GetProperty("content");
        Assert.Equal(["elements", "id", "type"], Names(ns));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_diff_has_the_fields_of_diff_response_and_leaves_out_the_missing_side()
    {
        var dropped = _fake.Views.DropView("main", NessieTestKit.Key("sales.orders"));

        using var diff = await GetAsync($"trees/main@{_created}/diff/main@{dropped}");

        Assert.Equal(["diffs", "effectiveFromReference", "effectiveToReference", "hasMore", "token"], Names(diff.RootElement));
        var entry = diff.RootElement.GetProperty("diffs").EnumerateArray().Single();
        Assert.Equal(["from", "key"], Names(entry));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_log_entry_has_v2_commit_meta_and_operations_only_with_fetch_all()
    {
        _fake.Views.CreateView("main", NessieTestKit.Key("sales.returns"), "SELECT 2");

        using var plain = await GetAsync("trees/main/history");
        using var log = await GetAsync("trees/main/history?fetch=ALL&max-records=1");

        Assert.Equal(["hasMore", "logEntries", "token"], Names(log.RootElement));
        Assert.True(log.RootElement.GetProperty("hasMore").GetBoolean());
        var entry = log.RootElement.GetProperty("logEntries")[0];
        Assert.Equal(["commitMeta", "operations", "parentCommitHash"], Names(entry));
        Assert.Equal(
            ["allProperties", "allSignedOffBy", "authorTime", "authors", "commitTime", "committer", "hash", "message",
                "parentCommitHashes"],
            Names(entry.GetProperty("commitMeta")));
        Assert.Equal(["content", "key", "type"], Names(entry.GetProperty("operations")[0]));
        Assert.Equal(["commitMeta", "parentCommitHash"], Names(plain.RootElement.GetProperty("logEntries")[0]));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_answers_target_branch_and_added_contents()
    {
        using var answer = await PostAsync($"trees/main@{_fake.Head()}/history/commit", """
            {"commitMeta":{"message":"CREATE VIEW sales.returns","author":"v1-author"},
             "operations":[{"type":"PUT","key":{"elements":["sales","returns"]},
                            "content":{"type":"ICEBERG_VIEW","metadataLocation":"s3://b/v.json","versionId":1,"schemaId":0}}]}
            """, HttpStatusCode.OK);

        Assert.Equal(["addedContents", "targetBranch"], Names(answer.RootElement));
        Assert.Equal(["contentId", "key"], Names(answer.RootElement.GetProperty("addedContents")[0]));
        Assert.Equal(["v1-author"], _fake.Repository.Head("main").Meta.Authors);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_merge_answers_merge_response_with_conflicts_under_conflict_type()
    {
        _fake.Repository.CreateReference("dev", "BRANCH", _fake.Head());
        var dev = _fake.Views.AlterView("dev", NessieTestKit.Key("sales.orders"), "SELECT 'dev'");
        _fake.Views.AlterView("main", NessieTestKit.Key("sales.orders"), "SELECT 'main'");

        using var answer = await PostAsync($"trees/main@{_fake.Head()}/history/merge",
            $$"""{"fromRefName":"dev","fromHash":"{{dev}}","dryRun":true,"returnConflictAsResult":true}""", HttpStatusCode.OK);

        Assert.Equal(
            ["commonAncestor", "details", "effectiveTargetHash", "expectedHash", "targetBranch", "wasApplied", "wasSuccessful"],
            Names(answer.RootElement));
        var detail = answer.RootElement.GetProperty("details")[0];
        Assert.Equal(["conflict", "key", "mergeBehavior"], Names(detail));
        Assert.Equal(["conflictType", "key", "message"], Names(detail.GetProperty("conflict")));
        Assert.Equal("VALUE_DIFFERS", detail.GetProperty("conflict").GetProperty("conflictType").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task Errors_carry_nessies_body_and_conflicts_their_details()
    {
        using var notFound = await GetAsync("trees/nope", HttpStatusCode.NotFound);
        using var conflict = await SendAsync(HttpMethod.Delete, $"trees/main@{_created}", null, HttpStatusCode.BadRequest);
        _fake.Repository.CreateReference("dev", "BRANCH", NessieFakeRepository.NoAncestorHash);
        using var stale = await SendAsync(HttpMethod.Delete, $"trees/dev@{_created}", null, HttpStatusCode.Conflict);

        Assert.Equal(["errorCode", "message", "reason", "serverStackTrace", "status"], Names(notFound.RootElement));
        Assert.Equal("REFERENCE_NOT_FOUND", notFound.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal("Not Found", notFound.RootElement.GetProperty("reason").GetString());
        Assert.Equal("Default branch 'main' cannot be deleted.", conflict.RootElement.GetProperty("message").GetString());
        var details = stale.RootElement.GetProperty("errorDetails");
        Assert.Equal("REFERENCE_CONFLICTS", details.GetProperty("type").GetString());
        Assert.Equal("UNEXPECTED_HASH", details.GetProperty("conflicts")[0].GetProperty("conflictType").GetString());
    }

    [Theory(Timeout = 30_000)]
    [InlineData("POST", "trees/main/history/commit")]
    [InlineData("POST", "trees/main/history/merge")]
    [InlineData("DELETE", "trees/main")]
    public async Task Every_write_needs_the_expected_hash(string method, string path)
    {
        using var error = await SendAsync(new HttpMethod(method), path, "{}", HttpStatusCode.BadRequest);

        Assert.Equal("Expected hash must be provided.", error.RootElement.GetProperty("message").GetString());
    }

    [Theory(Timeout = 30_000)]
    [InlineData(".sales*xorders")]
    [InlineData(".sales.orders*")]
    public async Task An_illegal_escape_in_a_key_is_a_bad_request(string encoded)
    {
        using var error = await GetAsync($"trees/main/contents/{Uri.EscapeDataString(encoded)}", HttpStatusCode.BadRequest);

        Assert.StartsWith("Illegal escaping sequence", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Both_key_forms_and_both_at_sign_forms_reach_the_same_content()
    {
        using var escaped = await GetAsync($"trees/main%40{_created}/contents/.sales.orders");
        using var legacy = await GetAsync($"trees/main@{_created}/contents/sales.orders");

        Assert.Equal(escaped.RootElement.GetProperty("content").GetRawText(), legacy.RootElement.GetProperty("content").GetRawText());
    }

    [Fact(Timeout = 30_000)]
    public async Task The_arctic_path_form_serves_the_same_repository()
    {
        using var arctic = new HttpClient { BaseAddress = _fake.ArcticApiUri };
        arctic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token);

        var text = await arctic.GetStringAsync("trees/main");

        Assert.Contains(_fake.Head(), text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_the_token_the_answer_is_a_plain_401()
    {
        using var anonymous = new HttpClient { BaseAddress = _fake.ApiUri };

        using var response = await anonymous.GetAsync(new Uri("config", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task The_stats_endpoint_counts_requests_per_endpoint_but_not_itself()
    {
        await _http.GetStringAsync(new Uri("trees/main", UriKind.Relative));
        await _http.GetStringAsync(new Uri("trees/main/entries", UriKind.Relative));
        await _http.GetStringAsync(new Uri("trees/main/entries?max-records=1", UriKind.Relative));

        using var stats = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_fake.BaseAddress, "_fake/stats")));

        var requests = stats.RootElement.GetProperty("requests");
        Assert.Equal(2, requests.GetProperty("GET trees/{ref}/entries").GetInt32());
        Assert.Equal(1, requests.GetProperty("GET trees/{ref}").GetInt32());
        Assert.Equal(3, stats.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void The_view_metadata_file_has_the_iceberg_view_v1_shape()
    {
        var location = _fake.Repository.ContentAt("main", NessieTestKit.Key("sales.orders"))!.MetadataLocation!;

        using var metadata = JsonDocument.Parse(File.ReadAllText(new Uri(location).LocalPath));

        Assert.Equal(
            ["current-version-id", "format-version", "location", "properties", "schemas", "version-log", "versions", "view-uuid"],
            Names(metadata.RootElement));
        var version = metadata.RootElement.GetProperty("versions")[0];
        Assert.Equal(
            ["default-namespace", "representations", "schema-id", "summary", "timestamp-ms", "version-id"], Names(version));
        Assert.Equal(["dialect", "sql", "type"], Names(version.GetProperty("representations")[0]));
        Assert.Equal("SELECT 1", version.GetProperty("representations")[0].GetProperty("sql").GetString());
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private Task<JsonDocument> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Get, path, null, expected);

    private Task<JsonDocument> PostAsync(string path, string body, HttpStatusCode expected) =>
        SendAsync(HttpMethod.Post, path, body, expected);

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }
}
