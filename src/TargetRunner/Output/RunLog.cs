using System.Globalization;

namespace TargetRunner.Output;

/// <summary>
/// The log of one run: <c>HH:mm:ss [INF] message</c> lines filtered by verbosity, written through the redacting
/// writer; warnings and errors are kept (with the target that logged them) for the end-of-run block.
/// </summary>
internal sealed class RunLog
{
    private readonly RedactingWriter _output;
    private readonly TimeProvider _time;
    private readonly List<LoggedIssue> _issues = [];

    public RunLog(RedactingWriter output, TimeProvider time)
    {
        _output = output;
        _time = time;
    }

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    public bool Colors { get; set; }

    /// <summary>The target whose messages are being logged, for the "Errors &amp; Warnings" block.</summary>
    public string? CurrentTarget { get; set; }

    public IReadOnlyList<LoggedIssue> Issues
    {
        get
        {
            lock (_issues)
            {
                return _issues.ToList();
            }
        }
    }

    public RedactingWriter Output => _output;

    public bool IsEnabled(LogLevel level) => level >= Verbosity switch
    {
        Verbosity.Quiet => LogLevel.Error,
        Verbosity.Minimal => LogLevel.Warning,
        Verbosity.Normal => LogLevel.Information,
        _ => LogLevel.Verbose,
    };

    /// <summary>
    /// Logs a message. An exception adds its message only (a plain sentence); its type and stack trace follow at
    /// debug level, for <c>--verbosity verbose</c>.
    /// </summary>
    public void Write(LogLevel level, string message, Exception? exception = null)
    {
        var text = exception is null || message.Contains(exception.Message, StringComparison.Ordinal)
            ? message
            : $"{message}: {exception.Message}";
        if (level >= LogLevel.Warning)
        {
            lock (_issues)
            {
                _issues.Add(new LoggedIssue(level, CurrentTarget, _output.Redact(text)));
            }
        }

        if (IsEnabled(level))
        {
            var time = _time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            _output.WriteLine(Ansi.Paint(Format($"{time} [{Tag(level)}] ", text), Colour(level), Colors));
        }

        if (exception is not null && IsEnabled(LogLevel.Debug))
        {
            Write(LogLevel.Debug, "Details: " + exception);
        }
    }

    /// <summary>
    /// The prefix before the first line and as many spaces before each further line, so that a multi-line message
    /// (a table, a summary, a diff) keeps its columns; empty lines stay empty.
    /// </summary>
    public static string Format(string prefix, string text)
    {
        var indent = new string(' ', prefix.Length);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var builder = new System.Text.StringBuilder(prefix).Append(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            builder.Append(Environment.NewLine);
            if (line.Length > 0)
            {
                builder.Append(indent).Append(line);
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes text as it is (headers, help, summary): still redacted, never filtered.</summary>
    public void WriteRaw(string text) => _output.Write(text);

    public static string Tag(LogLevel level) => level switch
    {
        LogLevel.Verbose => "VRB",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        _ => "ERR",
    };

    private static string? Colour(LogLevel level) => level switch
    {
        LogLevel.Verbose or LogLevel.Debug => Ansi.Dim,
        LogLevel.Warning => Ansi.Yellow,
        LogLevel.Error => Ansi.Red,
        _ => null,
    };
}
