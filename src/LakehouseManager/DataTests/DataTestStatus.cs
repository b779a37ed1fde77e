namespace LakehouseManager.DataTests;

/// <summary>What happened to one test.</summary>
public enum DataTestStatus
{
    /// <summary>The query ran and the expectation held.</summary>
    Passed,

    /// <summary>The query ran and the expectation did not hold.</summary>
    Failed,

    /// <summary>The test could not be judged: the query failed, timed out, or returned no such column.</summary>
    Error,

    /// <summary>The test did not run: not selected, or marked <c>skip</c> in the file.</summary>
    Skipped,
}
