namespace LakehouseManager.Dremio;

/// <summary>How <see cref="DremioQueryEngine"/> polls, pages and cancels.</summary>
public sealed record DremioQueryEngineOptions
{
    /// <summary>
    /// The defaults: a status poll at once, then every 50 ms for the first second, then waits doubling from 100 ms to
    /// 2 s (polls at 0, 0.05, 0.1 ... 1.0, 1.1, 1.3, 1.7, 2.5, 4.1, 6.1 s ...); pages of 500 rows.
    /// </summary>
    /// <remarks>
    /// Why poll often early: most data-test queries take well under a second, and a job is seen finished only at the
    /// next poll. With waits doubling from 100 ms, a 200 ms job was seen at 300 ms, half as long again (measured: 200
    /// tests of 200 ms, 4 at a time, took 15.4 s instead of the ideal 10 s). Polling every 50 ms for the first second
    /// sees it within 50 ms, for about twenty cheap GETs at most; a longer job soon falls back to the doubling waits, so
    /// a long query costs only a handful of polls more.
    /// </remarks>
    public static DremioQueryEngineOptions Default { get; } = new();

    /// <summary>
    /// The wait between status polls during <see cref="FastPollWindow"/> (the first poll is immediate), and the wait
    /// that doubles after it.
    /// </summary>
    public TimeSpan FirstPollDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long after the submission the job is polled every <see cref="FirstPollDelay"/>; zero doubles the wait from
    /// the first poll on.
    /// </summary>
    public TimeSpan FastPollWindow { get; init; } = TimeSpan.FromSeconds(1);

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
