using System.Text.Json;
using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>The payload records read the examples of api-facts A.5 (openapi examples, model serialization tests).</summary>
public sealed class NessiePayloadTests
{
    [Fact]
    public void The_merge_response_example_reads_with_the_conflict_type_under_either_name()
    {
        var json = """
            {"wasApplied":false,"wasSuccessful":false,"resultantTargetHash":null,"commonAncestor":"abcd1234",
             "targetBranch":"main","effectiveTargetHash":"e905aa11","expectedHash":"11223344",
             "details":[
               {"key":{"elements":["example","key"]},"mergeBehavior":"NORMAL",
                "conflict":{"type":"KEY_EXISTS","key":{"elements":["example","key"]},"message":"key 'example.key' already exists"}},
               {"key":{"elements":["other"]},"mergeBehavior":"NORMAL",
                "conflict":{"conflictType":"VALUE_DIFFERS","key":{"elements":["other"]},"message":"values differ"}},
               {"key":{"elements":["fine"]},"mergeBehavior":"NORMAL"}]}
            """;

        var response = Parse(json, NessieMergeResponse.Parse);

        Assert.False(response.WasSuccessful);
        Assert.Equal(["KEY_EXISTS", "VALUE_DIFFERS"], response.Conflicts.Select(c => c.Conflict!.ConflictType));
        Assert.Equal(ContentKey.Of("example", "key"), response.Conflicts[0].Key);
        Assert.Equal("e905aa11", response.EffectiveTargetHash);
        Assert.Equal(3, response.Details.Count);
    }

    [Fact]
    public void The_entries_example_reads_with_its_effective_reference_and_paging()
    {
        var json = """
            {"token":"xxx","hasMore":true,
             "effectiveReference":{"type":"BRANCH","hash":"abcd1234","name":"exampleBranch"},
             "entries":[{"name":{"elements":["example","key"]},"type":"ICEBERG_TABLE","contentId":"f350b391-f492-41eb-9959-730a8c49f01e"}]}
            """;

        var page = Parse(json, j => NessiePage<NessieEntry>.Parse(j, "entries", NessieEntry.Parse, "effectiveReference"));

        Assert.Equal("xxx", page.NextPageToken);
        Assert.Equal(NessieReference.Branch("exampleBranch", "abcd1234"), page.EffectiveReference);
        var entry = Assert.Single(page.Items);
        Assert.Equal(new NessieEntry(ContentKey.Of("example", "key"), "ICEBERG_TABLE", "f350b391-f492-41eb-9959-730a8c49f01e", null), entry);
        Assert.False(entry.IsView);
    }

    [Fact]
    public void A_last_page_has_no_token_whatever_the_token_field_says()
    {
        var page = Parse("""{"hasMore":false,"token":"stale","diffs":[]}""",
            j => NessiePage<NessieDiffEntry>.Parse(j, "diffs", NessieDiffEntry.Parse, null));

        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public void A_page_that_has_more_without_a_token_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => Parse("""{"hasMore":true,"entries":[]}""",
            j => NessiePage<NessieEntry>.Parse(j, "entries", NessieEntry.Parse, null)));

        Assert.Equal("the page says it has more but carries no token", error.Message);
    }

    [Fact]
    public void Commit_meta_reads_the_v2_form_and_the_v1_fallbacks()
    {
        var v2 = Parse("""
            {"hash":"abcd1234","committer":"c1","authors":["a1"],"allSignedOffBy":["s1"],"message":"msg",
             "commitTime":"1970-01-01T00:00:02Z","authorTime":"1970-01-01T00:00:01Z",
             "allProperties":{"p1":["v1a","v1b"]},"parentCommitHashes":["p1"]}
            """, NessieCommitMeta.Parse);
        var v1 = Parse("""{"message":"old","author":"a0","properties":{"k":"v"}}""", NessieCommitMeta.Parse);

        Assert.Equal(["a1"], v2.Authors);
        Assert.Equal(["v1a", "v1b"], v2.Properties["p1"]);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(2), v2.CommitTime);
        Assert.Equal(["p1"], v2.ParentCommitHashes);
        Assert.Equal(["a0"], v1.Authors);
        Assert.Equal(["v"], v1.Properties["k"]);
    }

    [Fact]
    public void Contents_of_every_type_read_and_views_write_back_as_nessie_names_them()
    {
        var view = Parse("""{"type":"ICEBERG_VIEW","id":"b874","metadataLocation":"s3://b/v/metadata/00001-x.metadata.json","versionId":1,"schemaId":0}""",
            NessieContent.Parse);
        var udf = Parse("""{"type":"UDF","id":"u1","metadataLocation":"s3://b/u.json","versionId":"v-7","signatureId":"s"}""",
            NessieContent.Parse);
        var future = Parse("""{"type":"SOMETHING_NEW","id":"n1","whatever":[1,2]}""", NessieContent.Parse);

        Assert.True(view.IsView);
        Assert.Equal("1", view.VersionId);
        Assert.Equal("v-7", udf.VersionId);
        Assert.Equal(("SOMETHING_NEW", "n1"), (future.Type, future.Id));
        Assert.Equal(
            """{"type":"ICEBERG_VIEW","id":"b874","metadataLocation":"s3://b/v/metadata/00001-x.metadata.json","versionId":1,"schemaId":0}""",
            Write(view.WriteTo));
        Assert.Equal("""{"type":"UDF","id":"u1","metadataLocation":"s3://b/u.json","versionId":"v-7"}""", Write(udf.WriteTo));
    }

    [Fact]
    public void The_merge_request_carries_the_source_hash_the_message_and_the_author()
    {
        var request = new NessieMergeRequest("dev", "abcdef42", "Merge PR 7") { Author = "LM <lm@example.com>", DryRun = true };

        const string Expected = """
            {"fromRefName":"dev","fromHash":"abcdef42","commitMeta":{"message":"Merge PR 7","authors":["LM \u003Clm@example.com\u003E"]},"defaultKeyMergeMode":"NORMAL","dryRun":true,"fetchAdditionalInfo":false,"returnConflictAsResult":true}
            """;
        Assert.Equal(Expected, Write(request.WriteTo));
    }

    private static T Parse<T>(string json, Func<JsonElement, T> parse)
    {
        using var document = JsonDocument.Parse(json);
        return parse(document.RootElement);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
