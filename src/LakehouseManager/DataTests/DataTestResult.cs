using LakehouseManager.DataTests.Expectations;

namespace LakehouseManager.DataTests;

/// <summary>The outcome of one test in a run: data for the reports, never an exception.</summary>
public sealed record DataTestResult
{
    /// <summary>The test as parsed (name, severity, tags, description, expectation, SQL template).</summary>
    public required DataTest Test { get; init; }

    public required DataTestStatus Status { get; init; }

    /// <summary>The SQL that ran (or would have run), after <c>{branch}</c> substitution.</summary>
    public required string Sql { get; init; }

    /// <summary>From submitting the query to the verdict; zero for skipped tests.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>One line: the verdict (failed/passed), the engine's message (error) or the reason (skipped).</summary>
    public required string Message { get; init; }

    /// <summary>What was expected, when the test ran far enough to say.</summary>
    public string? Expected { get; init; }

    /// <summary>What was observed, when the test ran far enough to say.</summary>
    public string? Observed { get; init; }

    /// <summary>The first rows that show a failure, with column names.</summary>
    public RowSample? Rows { get; init; }

    /// <summary>Why the test errored; set only for <see cref="DataTestStatus.Error"/>.</summary>
    public DataTestErrorKind? ErrorKind { get; init; }

    public string Name => Test.Name;

    public DataTestSeverity Severity => Test.Severity;

    public IReadOnlyList<string> Tags => Test.Tags;

    public string? Description => Test.Description;

    /// <summary>Failed or errored: the test needs attention (a failure, or a warning for warn severity).</summary>
    public bool IsProblem => Status is DataTestStatus.Failed or DataTestStatus.Error;

    /// <summary>A warn-severity test that failed or errored: reported, but the run still passes.</summary>
    public bool IsWarning => IsProblem && Severity == DataTestSeverity.Warn;

    /// <summary>An error-severity test that failed or errored: the run fails.</summary>
    public bool FailsRun => IsProblem && Severity == DataTestSeverity.Error;
}
