namespace LakehouseManager.Dremio;

/// <summary>
/// A Dremio job's <c>jobState</c> (api-facts B.3). <see cref="Unknown"/> stands for a state this client does not know
/// (a newer Dremio); it is treated as still running.
/// </summary>
public enum DremioJobState
{
    Unknown,
    NotSubmitted,
    Starting,
    Running,
    Completed,
    Canceled,
    Failed,
    CancellationRequested,
    Planning,
    Pending,
    MetadataRetrieval,
    Queued,
    EngineStart,
    ExecutionPlanning,
    InvalidState,
}

/// <summary>Wire names and the terminal states of <see cref="DremioJobState"/>.</summary>
internal static class DremioJobStates
{
    private static readonly Dictionary<string, DremioJobState> s_byWireName = new(StringComparer.Ordinal)
    {
        ["NOT_SUBMITTED"] = DremioJobState.NotSubmitted,
        ["STARTING"] = DremioJobState.Starting,
        ["RUNNING"] = DremioJobState.Running,
        ["COMPLETED"] = DremioJobState.Completed,
        ["CANCELED"] = DremioJobState.Canceled,
        ["FAILED"] = DremioJobState.Failed,
        ["CANCELLATION_REQUESTED"] = DremioJobState.CancellationRequested,
        ["PLANNING"] = DremioJobState.Planning,
        ["PENDING"] = DremioJobState.Pending,
        ["METADATA_RETRIEVAL"] = DremioJobState.MetadataRetrieval,
        ["QUEUED"] = DremioJobState.Queued,
        ["ENGINE_START"] = DremioJobState.EngineStart,
        ["EXECUTION_PLANNING"] = DremioJobState.ExecutionPlanning,
        ["INVALID_STATE"] = DremioJobState.InvalidState,
    };

    /// <summary>Every state Dremio reports, by wire name.</summary>
    public static IReadOnlyCollection<string> WireNames => s_byWireName.Keys;

    /// <summary>The state for a wire name such as <c>RUNNING</c>; <see cref="DremioJobState.Unknown"/> otherwise.</summary>
    public static DremioJobState Parse(string? wireName) =>
        wireName is not null && s_byWireName.TryGetValue(wireName, out var state) ? state : DremioJobState.Unknown;

    /// <summary>COMPLETED, CANCELED and FAILED are final: the job will not change again.</summary>
    public static bool IsTerminal(this DremioJobState state) =>
        state is DremioJobState.Completed or DremioJobState.Canceled or DremioJobState.Failed;
}
