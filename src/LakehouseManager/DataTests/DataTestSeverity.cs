namespace LakehouseManager.DataTests;

/// <summary>How much a failing test matters.</summary>
public enum DataTestSeverity
{
    /// <summary>The default: a failure or error fails the run (and the target).</summary>
    Error,

    /// <summary>A failure or error is reported as a warning; the run still passes.</summary>
    Warn,
}
