namespace LakehouseManager.Http;

/// <summary>The limits of <see cref="HttpResilience"/>. The defaults suit a CI job talking to a SaaS API.</summary>
internal sealed record HttpResilienceOptions
{
    /// <summary>The defaults.</summary>
    public static HttpResilienceOptions Default { get; } = new();

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    /// <summary>The first backoff delay; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The cap of one backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer request is shortened to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt (sending and reading the whole response) may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take, all attempts and delays included.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
