using Microsoft.Extensions.Logging;

namespace LakehouseManager.Security;

/// <summary>
/// Hands out loggers that mask the run's secrets before a line reaches the real logger, so the library's log is safe
/// whatever the sink: the build's console masks only its <c>[Secret]</c> parameters, not a token inside a URL.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The inner factory belongs to whoever made it.</summary>
    public void Dispose()
    {
    }

    private sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = redactor.Redact(formatter(state, exception));

            // An exception whose text holds a secret is not passed on: its message is, masked.
            if (exception is not null && redactor.Reveals(exception.ToString()))
            {
                message += ": " + redactor.Redact(exception.Message);
                exception = null;
            }

            inner.Log(logLevel, eventId, message, exception, static (text, _) => text);
        }
    }
}
