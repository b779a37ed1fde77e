namespace LakehouseManager.DataTests.Expectations;

/// <summary>The verdict of one expectation on one query's rows: data, never an exception.</summary>
public sealed record DataTestEvaluation
{
    private DataTestEvaluation(DataTestStatus status, string message)
    {
        Status = status;
        Message = message;
    }

    /// <summary>Passed, Failed or Error (never Skipped).</summary>
    public DataTestStatus Status { get; }

    /// <summary>One line saying what was observed, e.g. "total: observed 1000, expected 1234.5 ± 0.01".</summary>
    public string Message { get; }

    /// <summary>What was expected, e.g. "no rows", "between 1 and 5".</summary>
    public string? Expected { get; init; }

    /// <summary>What was seen, e.g. "3 rows", "1000".</summary>
    public string? Observed { get; init; }

    /// <summary>The first rows that show the failure, when the expectation has such rows.</summary>
    public RowSample? Rows { get; init; }

    /// <summary>Set for <see cref="DataTestStatus.Error"/>.</summary>
    public DataTestErrorKind? ErrorKind { get; init; }

    public static DataTestEvaluation Pass(string message) => new(DataTestStatus.Passed, message);

    public static DataTestEvaluation Fail(string message) => new(DataTestStatus.Failed, message);

    public static DataTestEvaluation Error(DataTestErrorKind kind, string message) =>
        new(DataTestStatus.Error, message) { ErrorKind = kind };
}
