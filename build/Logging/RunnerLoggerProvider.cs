using Microsoft.Extensions.Logging;

/// <summary>
/// Sends the library's <see cref="ILogger"/> output to the runner's <see cref="TargetRunner.Log"/>, so it shares the
/// build's format, verbosity, "Errors &amp; Warnings" block and secret masking.
/// </summary>
internal sealed class RunnerLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RunnerLogger();

    /// <summary>Other providers are not combined with this one: the runner's log is the single sink.</summary>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class RunnerLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            switch (logLevel)
            {
                case LogLevel.Trace:
                    TargetRunner.Log.Verbose("{Message}", message);
                    break;
                case LogLevel.Debug:
                    TargetRunner.Log.Debug("{Message}", message);
                    break;
                case LogLevel.Information:
                    TargetRunner.Log.Information("{Message}", message);
                    break;
                case LogLevel.Warning:
                    TargetRunner.Log.Warning(exception, "{Message}", message);
                    break;
                case LogLevel.Error or LogLevel.Critical:
                    TargetRunner.Log.Error(exception, "{Message}", message);
                    break;
            }
        }
    }
}
