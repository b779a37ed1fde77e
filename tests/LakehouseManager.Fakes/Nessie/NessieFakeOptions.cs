namespace LakehouseManager.Fakes.Nessie;

/// <summary>How a <see cref="NessieFake"/> behaves.</summary>
public sealed record NessieFakeOptions
{
    /// <summary>The spec version <c>GET /config</c> reports: 2.2.0 reads escaped keys; 2.1.x only the legacy form.</summary>
    public string SpecVersion { get; init; } = "2.2.0";

    public string DefaultBranch { get; init; } = "main";

    /// <summary>The bearer token the fake accepts; null: no authentication (a self-managed Nessie without it).</summary>
    public string? Token { get; init; } = "nessie-fake-token-3c8d1e7a";

    /// <summary>The Arctic catalog id served under <c>/repositories/{id}/api/v2/</c>.</summary>
    public string RepositoryId { get; init; } = "5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90";

    /// <summary>The loopback port; 0 for a free one.</summary>
    public int Port { get; init; }

    /// <summary>Page size when the client gives no <c>max-records</c>.</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>The largest page the fake returns, whatever <c>max-records</c> asks (it is only a hint).</summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>Where view metadata files are written; null: a temp folder deleted with the fake.</summary>
    public string? MetadataFolder { get; init; }

    /// <summary>Waited before every answer (the fake's clock), to make request counts visible in wall time.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// Answer a merge of an already-merged source as Nessie before the versioned storage did (400 "No hashes to
    /// merge") instead of today's success without a commit.
    /// </summary>
    public bool LegacyNothingToMerge { get; init; }

    /// <summary>The clock of commit times, latency and stalls.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
