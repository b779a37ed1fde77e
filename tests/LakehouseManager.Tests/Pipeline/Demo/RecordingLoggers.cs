using LakehouseManager.Tests.Pipeline.Testing;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Tests.Pipeline.Demo;

/// <summary>An <see cref="ILoggerFactory"/> whose loggers all record into one <see cref="RecordingLogger"/>.</summary>
internal sealed class RecordingLoggers : ILoggerFactory
{
    public RecordingLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
