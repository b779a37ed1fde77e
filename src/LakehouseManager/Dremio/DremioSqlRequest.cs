using System.Text.Json;

namespace LakehouseManager.Dremio;

/// <summary>
/// The body of <c>POST sql</c> (api-facts B.2, <c>CreateFromSQL</c>):
/// <c>{"sql", "context"?, "references"?: {"&lt;source&gt;": {"type","value"}}}</c>, plus Dremio Cloud's optional
/// <c>requestId</c> idempotency key (B.1).
/// </summary>
internal sealed record DremioSqlRequest(string Sql)
{
    /// <summary>The path queries are resolved in, e.g. <c>["cat", "folder"]</c>; null to omit.</summary>
    public IReadOnlyList<string>? Context { get; init; }

    /// <summary>Source name to the version it is pinned to; null or empty to omit.</summary>
    public IReadOnlyDictionary<string, DremioVersionReference>? References { get; init; }

    /// <summary>The idempotency key; the client sets it for Dremio Cloud.</summary>
    public Guid? RequestId { get; init; }

    /// <summary>A request that pins <paramref name="source"/> to <paramref name="branch"/>.</summary>
    public static DremioSqlRequest AtBranch(string sql, string source, string branch) =>
        At(sql, source, DremioVersionReference.Branch(branch));

    /// <summary>A request that pins <paramref name="source"/> to a version (a branch, a tag or a commit).</summary>
    public static DremioSqlRequest At(string sql, string source, DremioVersionReference version) => new(sql)
    {
        References = new Dictionary<string, DremioVersionReference>(StringComparer.Ordinal)
        {
            [source] = version,
        },
    };

    /// <summary>Writes the JSON body.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("sql", Sql);
        if (Context is not null)
        {
            writer.WriteStartArray("context");
            foreach (var element in Context)
            {
                writer.WriteStringValue(element);
            }

            writer.WriteEndArray();
        }

        if (References is { Count: > 0 })
        {
            writer.WriteStartObject("references");
            foreach (var (source, reference) in References)
            {
                writer.WriteStartObject(source);
                writer.WriteString("type", reference.WireType);
                writer.WriteString("value", reference.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        if (RequestId is { } requestId)
        {
            writer.WriteString("requestId", requestId.ToString("D"));
        }

        writer.WriteEndObject();
    }
}
