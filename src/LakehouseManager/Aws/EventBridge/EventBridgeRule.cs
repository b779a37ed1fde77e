using System.Text.Json;

namespace LakehouseManager.Aws.EventBridge;

/// <summary>
/// A rule as DescribeRule returns it: an event pattern (JSON text) or a schedule (<c>rate(5 minutes)</c>), its state
/// (<c>ENABLED</c> or <c>DISABLED</c>) and bus.
/// </summary>
internal sealed record EventBridgeRule(
    string? Name,
    string? Arn,
    string? EventPattern,
    string? ScheduleExpression,
    string? State,
    string? Description,
    string? RoleArn,
    string? ManagedBy,
    string? EventBusName,
    string? CreatedBy)
{
    public static EventBridgeRule Parse(JsonElement json) => new(
        AwsJson.String(json, "Name"),
        AwsJson.String(json, "Arn"),
        AwsJson.String(json, "EventPattern"),
        AwsJson.String(json, "ScheduleExpression"),
        AwsJson.String(json, "State"),
        AwsJson.String(json, "Description"),
        AwsJson.String(json, "RoleArn"),
        AwsJson.String(json, "ManagedBy"),
        AwsJson.String(json, "EventBusName"),
        AwsJson.String(json, "CreatedBy"));
}
