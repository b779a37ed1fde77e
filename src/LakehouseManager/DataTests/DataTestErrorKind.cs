namespace LakehouseManager.DataTests;

/// <summary>Why a test ended in <see cref="DataTestStatus.Error"/>; JUnit writes it as the error's <c>type</c>.</summary>
public enum DataTestErrorKind
{
    /// <summary>The engine rejected or failed the query (<see cref="QueryFailedException"/>).</summary>
    QueryFailed,

    /// <summary>The query ran past its timeout and was cancelled.</summary>
    TimedOut,

    /// <summary>The rows do not fit the expectation: a missing or ambiguous column.</summary>
    UnexpectedResult,

    /// <summary>
    /// The SQL is not one read-only query (SELECT, WITH or VALUES): it was never sent to the engine
    /// (<see cref="Sql.ReadOnlyQuery"/>).
    /// </summary>
    NotAQuery,

    /// <summary>Anything else the engine threw (a network error, a bug); the run goes on with the other tests.</summary>
    Exception,
}
