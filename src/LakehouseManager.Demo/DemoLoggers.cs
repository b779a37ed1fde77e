using Microsoft.Extensions.Logging;

namespace LakehouseManager.Demo;

/// <summary>
/// The demo's loggers. The data-test failure the demo provokes on purpose is part of its story, not a problem: while
/// <see cref="Expect"/> is in force, a warning that reports one of the expected results is logged at information level
/// and marked as expected, so that a successful demo does not end in an "Errors &amp; Warnings" block. Every other
/// warning or error still shows as one.
/// </summary>
internal sealed class DemoLoggers(ILoggerFactory inner) : ILoggerFactory
{
    private volatile Expectation? _expectation;

    /// <summary>Marks warnings holding any of <paramref name="results"/> as expected, until the returned scope ends.</summary>
    /// <param name="results">Text of the expected results, e.g. <c>FAIL daily_revenue_total </c>.</param>
    /// <param name="why">Why they are expected, added to each such line.</param>
    public IDisposable Expect(IEnumerable<string> results, string why)
    {
        _expectation = new Expectation([.. results], why);
        return new Scope(this);
    }

    public ILogger CreateLogger(string categoryName) => new DemoLogger(this, inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The inner factory belongs to the caller, who disposes it.</summary>
    public void Dispose()
    {
    }

    private bool IsExpected(LogLevel level, string message, out string why)
    {
        var expectation = _expectation;
        why = expectation?.Why ?? string.Empty;
        return level == LogLevel.Warning && expectation is not null &&
            expectation.Results.Any(r => message.Contains(r, StringComparison.Ordinal));
    }

    private sealed record Expectation(string[] Results, string Why);

    private sealed class Scope(DemoLoggers owner) : IDisposable
    {
        public void Dispose() => owner._expectation = null;
    }

    private sealed class DemoLogger(DemoLoggers owner, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (owner.IsExpected(logLevel, message, out var why))
            {
                inner.Log(LogLevel.Information, eventId, state, exception, (_, _) => $"{message} (expected: {why})");
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
