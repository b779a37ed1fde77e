namespace LakehouseManager.Fakes.Dremio;

/// <summary>What a scripted query does: complete with rows, fail with a message, or hang until cancelled.</summary>
public sealed record DremioFakeOutcome
{
    private DremioFakeOutcome(DremioFakeResult? result, string? errorMessage, bool hangs)
    {
        Result = result;
        ErrorMessage = errorMessage;
        Hangs = hangs;
    }

    /// <summary>The rows when the job COMPLETES.</summary>
    public DremioFakeResult? Result { get; }

    /// <summary>The <c>errorMessage</c> when the job FAILS.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Whether the job stays RUNNING until it is cancelled.</summary>
    public bool Hangs { get; }

    /// <summary>Overrides <see cref="DremioFakeOptions.JobLatency"/> for this query.</summary>
    public TimeSpan? Latency { get; init; }

    public static DremioFakeOutcome Rows(DremioFakeResult result) =>
        new(result ?? throw new ArgumentNullException(nameof(result)), null, hangs: false);

    public static DremioFakeOutcome Fails(string errorMessage) =>
        new(null, errorMessage ?? throw new ArgumentNullException(nameof(errorMessage)), hangs: false);

    public static DremioFakeOutcome Hang() => new(null, null, hangs: true);

    /// <summary>The same outcome after another latency.</summary>
    public DremioFakeOutcome After(TimeSpan latency) => this with { Latency = latency };
}
