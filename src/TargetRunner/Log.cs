using TargetRunner.Execution;
using TargetRunner.Output;

namespace TargetRunner;

/// <summary>
/// The build's log, shaped like Serilog's static <c>Log</c> that Nuke builds use: <c>Log.Information("Copied {Count}
/// files", count)</c>. Lines read <c>HH:mm:ss [INF] message</c>; secrets are masked; warnings and errors are repeated
/// at the end of the run.
/// </summary>
public static class Log
{
    public static void Verbose(string messageTemplate, params object?[] propertyValues) =>
        Write(LogLevel.Verbose, null, messageTemplate, propertyValues);

    public static void Debug(string messageTemplate, params object?[] propertyValues) =>
        Write(LogLevel.Debug, null, messageTemplate, propertyValues);

    public static void Information(string messageTemplate, params object?[] propertyValues) =>
        Write(LogLevel.Information, null, messageTemplate, propertyValues);

    public static void Warning(string messageTemplate, params object?[] propertyValues) =>
        Write(LogLevel.Warning, null, messageTemplate, propertyValues);

    public static void Warning(Exception? exception, string messageTemplate, params object?[] propertyValues) =>
        Write(LogLevel.Warning, exception, messageTemplate, propertyValues);

    public static void Error(string messageTemplate, params object?[] propertyValues) =>
        Write(LogLevel.Error, null, messageTemplate, propertyValues);

    public static void Error(Exception? exception, string messageTemplate, params object?[] propertyValues) =>
        Write(LogLevel.Error, exception, messageTemplate, propertyValues);

    private static void Write(LogLevel level, Exception? exception, string messageTemplate, object?[] propertyValues)
    {
        var message = MessageTemplate.Render(messageTemplate ?? string.Empty, propertyValues);
        if (RunContext.Current is { } context)
        {
            context.Log.Write(level, message, exception);
            return;
        }

        // Outside a run (a tool used on its own): same format, straight to stderr.
        var text = exception is null ? message : $"{message}: {exception.Message}";
        RoutingWriter.OriginalError.WriteLine(RunLog.Format($"{DateTime.Now:HH:mm:ss} [{RunLog.Tag(level)}] ", text));
    }
}
