namespace LakehouseManager.Pipeline.Deploy;

/// <summary>How a build RunInCodeBuild started ended: its id, status (<c>SUCCEEDED</c>, <c>FAILED</c>, ...) and log link.</summary>
public sealed record RemoteBuildOutcome(string BuildId, string Status, string? LogsLink)
{
    public bool Succeeded => Status == "SUCCEEDED";
}
