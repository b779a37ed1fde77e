namespace LakehouseManager.Fakes.Dremio;

/// <summary>
/// A job of the fake. Its state follows its age on the fake's clock: PLANNING for the first half of the latency,
/// RUNNING for the second, then COMPLETED or FAILED (a hanging job stays RUNNING); CANCELED once cancelled.
/// </summary>
public sealed class DremioFakeJob
{
    private readonly object _gate = new();
    private readonly List<string> _reportedStates = [];
    private DateTimeOffset? _canceledAt;

    internal DremioFakeJob(DremioFakeSubmission submission, DremioFakeOutcome outcome, DateTimeOffset createdAt, TimeSpan latency)
    {
        Submission = submission;
        Outcome = outcome;
        CreatedAt = createdAt;
        Latency = latency;
    }

    public string Id => Submission.JobId;

    public DremioFakeSubmission Submission { get; }

    public DremioFakeOutcome Outcome { get; }

    public DateTimeOffset CreatedAt { get; }

    public TimeSpan Latency { get; }

    /// <summary>Whether a cancel request stopped the job.</summary>
    public bool WasCanceled
    {
        get
        {
            lock (_gate)
            {
                return _canceledAt is not null;
            }
        }
    }

    /// <summary>The states <c>GET job/{id}</c> reported, in order.</summary>
    public IReadOnlyList<string> ReportedStates
    {
        get
        {
            lock (_gate)
            {
                return [.. _reportedStates];
            }
        }
    }

    /// <summary>The state at an instant of the fake's clock.</summary>
    public string StateAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_canceledAt is not null)
            {
                return "CANCELED";
            }
        }

        var age = now - CreatedAt;
        if (age < Latency / 2)
        {
            return "PLANNING";
        }

        if (Outcome.Hangs || age < Latency)
        {
            return "RUNNING";
        }

        return Outcome.ErrorMessage is null ? "COMPLETED" : "FAILED";
    }

    /// <summary>When the job reached its final state, if it has.</summary>
    public DateTimeOffset? EndedAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_canceledAt is { } canceledAt)
            {
                return canceledAt;
            }
        }

        return !Outcome.Hangs && now - CreatedAt >= Latency ? CreatedAt + Latency : null;
    }

    internal void RecordReported(string state)
    {
        lock (_gate)
        {
            _reportedStates.Add(state);
        }
    }

    /// <summary>Cancels the job unless it is final; returns whether it was cancelled.</summary>
    internal bool TryCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_canceledAt is not null)
            {
                return false;
            }
        }

        if (StateAt(now) is "COMPLETED" or "FAILED")
        {
            return false;
        }

        lock (_gate)
        {
            _canceledAt ??= now;
            return true;
        }
    }
}
