namespace LakehouseManager.DataTests;

/// <summary>How a <see cref="DataTestRunner"/> runs tests.</summary>
public sealed record DataTestRunnerOptions
{
    private readonly int _maxParallelism = 4;
    private readonly TimeSpan _defaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How many queries run at once (default 4): enough to overlap engine latency, few enough to be polite.</summary>
    public int MaxParallelism
    {
        get => _maxParallelism;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxParallelism = value;
        }
    }

    /// <summary>The timeout of a test that sets none (default 5 minutes; more than zero, at most 24 hours).</summary>
    public TimeSpan DefaultTimeout
    {
        get => _defaultTimeout;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromHours(24));
            _defaultTimeout = value;
        }
    }
}
