namespace TargetRunner;

/// <summary>The state of a target in the execution plan, with Nuke's names.</summary>
public enum ExecutionStatus
{
    None,
    Scheduled,
    NotRun,
    Skipped,
    Succeeded,
    Failed,
    Running,
    Aborted,

    /// <summary>A target without actions that only groups others; omitted from the summary.</summary>
    Collective,
}
