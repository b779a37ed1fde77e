using Microsoft.Data.Sqlite;

namespace LakehouseManager;

/// <summary>
/// Another program's own words inside one of our messages, kept only as a quoted cause after our sentence:
/// <c>... failed; SQLite said: 'no such table: nope'</c>. The message is ours; the tool's text is evidence.
/// </summary>
internal static class QuotedCause
{
    /// <summary><c>&lt;tool&gt; said: '&lt;text&gt;'</c>, the text trimmed and without a trailing full stop.</summary>
    public static string Of(string tool, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return $"{tool} said: '{text.Trim().TrimEnd('.')}'";
    }

    /// <summary>SQLite's message without .NET's <c>SQLite Error 1: '...'.</c> wrapping around it.</summary>
    public static string Of(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Of("SQLite", Raw(exception));
    }

    /// <summary>
    /// A message that embeds a SQLite exception's raw text (<c>The statement failed: SQLite Error 1: 'no such table:
    /// x'.</c>) with that text replaced by the quoted cause (<c>The statement failed; SQLite said: 'no such table: x'</c>).
    /// Any other message is returned as it is.
    /// </summary>
    public static string Rewrite(string message, Exception? cause)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (FindSqlite(cause) is not { } sqlite || sqlite.Message.Length == 0)
        {
            return message;
        }

        var at = message.IndexOf(sqlite.Message, StringComparison.Ordinal);
        if (at < 0)
        {
            return message;
        }

        var before = message[..at].TrimEnd();
        var after = message[(at + sqlite.Message.Length)..].TrimStart('.').Trim();
        if (before.EndsWith(':'))
        {
            before = before[..^1] + ";";
        }

        var text = $"{before} {Of(sqlite)}.".TrimStart();
        return after.Length == 0 ? text : $"{text} {after}";
    }

    /// <summary>
    /// SQLite's own text: Microsoft.Data.Sqlite wraps it as <c>SQLite Error 1: 'no such table: x'.</c>, and this takes
    /// what is between the first and the last quote (the whole message when it is not wrapped that way).
    /// </summary>
    private static string Raw(SqliteException exception)
    {
        var message = exception.Message;
        var open = message.IndexOf('\'', StringComparison.Ordinal);
        var close = message.LastIndexOf('\'');
        return message.StartsWith("SQLite Error", StringComparison.Ordinal) && open >= 0 && close > open
            ? message[(open + 1)..close]
            : message;
    }

    private static SqliteException? FindSqlite(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException sqlite)
            {
                return sqlite;
            }
        }

        return null;
    }
}
