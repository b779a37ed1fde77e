using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.EventBridge.Operations;

/// <summary><c>PutTargets</c>: adds targets to a rule, or replaces those with the same ids.</summary>
internal sealed record PutTargetsRequest(string Rule, IReadOnlyList<EventBridgeTarget> Targets) : IAwsRequest
{
    public string? EventBusName { get; init; }

    public string Operation => "PutTargets";

    // Targets are set by id: a repeat sets the same targets again.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("Rule", Rule);
        writer.WriteOptional("EventBusName", EventBusName);
        writer.WriteOptional("Targets", Targets, EventBridgeTarget.Write);
    }
}

/// <summary>
/// <c>{FailedEntryCount, FailedEntries}</c>: PutTargets answers 200 even when some targets were refused, so callers
/// must look at <see cref="FailedEntries"/>.
/// </summary>
internal sealed record PutTargetsResponse(int FailedEntryCount, IReadOnlyList<EventBridgeFailedEntry> FailedEntries)
{
    public static PutTargetsResponse Parse(JsonElement json) => new(
        AwsJson.Int(json, "FailedEntryCount") ?? 0,
        AwsJson.List(json, "FailedEntries", entry => new EventBridgeFailedEntry(
            AwsJson.String(entry, "TargetId"), AwsJson.String(entry, "ErrorCode"), AwsJson.String(entry, "ErrorMessage"))));
}

/// <summary>A target or event EventBridge refused, and why.</summary>
internal sealed record EventBridgeFailedEntry(string? Id, string? ErrorCode, string? ErrorMessage);
