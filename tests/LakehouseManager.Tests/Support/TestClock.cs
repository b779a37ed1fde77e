using Microsoft.Extensions.Time.Testing;

namespace LakehouseManager.Tests.Support;

/// <summary>Fake clocks for tests: time moves only when a test advances it, and timers fire as it passes them.</summary>
internal static class TestClock
{
    /// <summary>Where a clock starts unless a test says otherwise: 2026-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A fake clock at <paramref name="start"/>, or at <see cref="Start"/>.</summary>
    public static FakeTimeProvider Create(DateTimeOffset? start = null) => new(start ?? Start);
}
