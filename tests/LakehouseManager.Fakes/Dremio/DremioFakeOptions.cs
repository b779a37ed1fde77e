namespace LakehouseManager.Fakes.Dremio;

/// <summary>How a <see cref="DremioFake"/> behaves.</summary>
public sealed record DremioFakeOptions
{
    /// <summary>The personal access token the fake accepts (<c>Authorization: Bearer &lt;Pat&gt;</c>).</summary>
    public string Pat { get; init; } = "dremio-fake-pat-5f2a9c";

    /// <summary>The Dremio Cloud project id the fake serves under <c>/v0/projects/{id}/</c>.</summary>
    public string ProjectId { get; init; } = "48ca6975-39ad-47cb-9bb5-de73060380f6";

    /// <summary>The user name in cancellation reasons ("Query cancelled by user '...'").</summary>
    public string UserName { get; init; } = "dremio-fake@example.com";

    /// <summary>
    /// How long a job takes: PLANNING for the first half, RUNNING for the second, then COMPLETED or FAILED. Zero: final
    /// at once. A scripted outcome may override it.
    /// </summary>
    public TimeSpan JobLatency { get; init; } = TimeSpan.Zero;

    /// <summary>The loopback port; 0 for a free one.</summary>
    public int Port { get; init; }

    /// <summary>The clock of job progress, injected stalls and the recorded request times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
