namespace LakehouseManager;

/// <summary>
/// The one domain exception: a configuration or environment problem the user must fix (a bad ref name, an unknown
/// branch, a dirty checkout). Its message is written for the user and names the bad input and what is valid.
/// </summary>
/// <remarks>
/// <see cref="IsFatal"/> follows DiscordChatExporter: a fatal error stops the run; a non-fatal one (one view, one test)
/// is reported and the run goes on. Expected outcomes (a failing data test, a merge conflict) are data, not exceptions.
/// </remarks>
internal class LakehouseException : Exception
{
    /// <remarks>A message that embeds a SQLite error's raw text (<c>SQLite Error 1: '...'</c>) keeps it only as a quoted
    /// cause (<c>...; SQLite said: '...'</c>): see <see cref="QuotedCause.Rewrite"/>.</remarks>
    public LakehouseException(string message, bool isFatal = true, Exception? innerException = null)
        : base(QuotedCause.Rewrite(message, innerException), innerException)
    {
        IsFatal = isFatal;
    }

    /// <summary>Whether the whole run must stop (true) or only the current item failed (false).</summary>
    public bool IsFatal { get; }
}
