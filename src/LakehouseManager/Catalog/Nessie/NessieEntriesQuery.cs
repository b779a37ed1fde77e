using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>The options of <c>GET trees/{ref}/entries</c> (api-facts A.2).</summary>
internal sealed record NessieEntriesQuery
{
    /// <summary>Include each entry's content (<c>content=true</c>).</summary>
    public bool WithContent { get; init; }

    /// <summary>A CEL filter over <c>entry.namespace</c>, <c>entry.contentType</c>, e.g. <c>entry.contentType == 'ICEBERG_VIEW'</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>Only keys under this prefix (<c>prefix-key</c>).</summary>
    public ContentKey? PrefixKey { get; init; }

    /// <summary>Only these keys (repeated <c>key</c>).</summary>
    public IReadOnlyList<ContentKey>? Keys { get; init; }

    /// <summary>A page size hint (<c>max-records</c>); null for the server's default.</summary>
    public int? MaxRecords { get; init; }
}

/// <summary>The options of <c>GET trees/{from}/diff/{to}</c> (api-facts A.2).</summary>
internal sealed record NessieDiffQuery
{
    /// <summary>A CEL filter over <c>key</c>, <c>namespace</c>, <c>name</c>, ...</summary>
    public string? Filter { get; init; }

    /// <summary>Only keys under this prefix (<c>prefix-key</c>).</summary>
    public ContentKey? PrefixKey { get; init; }

    /// <summary>Only these keys (repeated <c>key</c>).</summary>
    public IReadOnlyList<ContentKey>? Keys { get; init; }

    /// <summary>A page size hint (<c>max-records</c>).</summary>
    public int? MaxRecords { get; init; }
}

/// <summary>The options of <c>GET trees/{ref}/history</c> (api-facts A.2).</summary>
internal sealed record NessieHistoryQuery
{
    /// <summary>Include each commit's operations (<c>fetch=ALL</c>).</summary>
    public bool FetchAll { get; init; }

    /// <summary>Stop at this commit, included (<c>limit-hash</c>).</summary>
    public string? LimitHash { get; init; }

    /// <summary>A CEL filter over <c>commit.*</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>A page size hint (<c>max-records</c>).</summary>
    public int? MaxRecords { get; init; }
}
