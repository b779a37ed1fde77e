using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.EventBridge.Operations;

/// <summary><c>PutEvents</c>: sends up to 10 events to a bus (the default bus when none is named).</summary>
internal sealed record PutEventsRequest(IReadOnlyList<EventBridgeEntry> Entries) : IAwsRequest
{
    public string Operation => "PutEvents";

    // Events carry no idempotency key: a repeat after a lost answer would deliver them twice.
    public RetrySafety Safety => RetrySafety.OnlyIfNotProcessed;

    public void WriteMembers(Utf8JsonWriter writer) => writer.WriteOptional("Entries", Entries, EventBridgeEntry.Write);
}

/// <summary>
/// One event to put (the model's <c>PutEventsRequestEntry</c>): <see cref="Detail"/> is the event's JSON text.
/// </summary>
internal sealed record EventBridgeEntry(string Source, string DetailType, string Detail)
{
    public IReadOnlyList<string>? Resources { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? EventBusName { get; init; }

    public static void Write(Utf8JsonWriter writer, EventBridgeEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteOptional("Time", entry.Time);
        writer.WriteString("Source", entry.Source);
        writer.WriteOptional("Resources", entry.Resources);
        writer.WriteString("DetailType", entry.DetailType);
        writer.WriteString("Detail", entry.Detail);
        writer.WriteOptional("EventBusName", entry.EventBusName);
        writer.WriteEndObject();
    }
}

/// <summary><c>{FailedEntryCount, Entries}</c>: one result per event, in order, with an id or an error.</summary>
internal sealed record PutEventsResponse(int FailedEntryCount, IReadOnlyList<PutEventsResult> Entries)
{
    public static PutEventsResponse Parse(JsonElement json) => new(
        AwsJson.Int(json, "FailedEntryCount") ?? 0,
        AwsJson.List(json, "Entries", entry => new PutEventsResult(
            AwsJson.String(entry, "EventId"), AwsJson.String(entry, "ErrorCode"), AwsJson.String(entry, "ErrorMessage"))));
}

/// <summary>The fate of one event.</summary>
internal sealed record PutEventsResult(string? EventId, string? ErrorCode, string? ErrorMessage);
