namespace LakehouseManager.Dremio;

/// <summary>How <see cref="DremioQueryEngine"/> polls, pages and cancels.</summary>
public sealed record DremioQueryEngineOptions
{
    /// <summary>The defaults: poll after 100 ms, doubling to 2 s; pages of 500 rows.</summary>
    public static DremioQueryEngineOptions Default { get; } = new();

    /// <summary>The wait before the second status poll (the first is immediate).</summary>
    public TimeSpan FirstPollDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two status polls.</summary>
    public TimeSpan MaxPollDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows per results call, 1 to 500.</summary>
    public int PageSize { get; init; } = DremioJobResults.MaxLimit;

    /// <summary>How long the best-effort cancel of an abandoned job may take.</summary>
    public TimeSpan CancelTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The SQL <c>context</c> (default path for unqualified names); null for none.</summary>
    public IReadOnlyList<string>? Context { get; init; }

    /// <summary>The clock of the polling delays and the cancel timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
