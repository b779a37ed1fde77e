using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.EventBridge.Operations;

/// <summary>
/// <c>PutRule</c>: creates a rule, or updates the rule of that name (api-facts C.4). A rule has an
/// <see cref="EventPattern"/> (JSON text, at most 4,096 characters) or a <see cref="ScheduleExpression"/>.
/// </summary>
internal sealed record PutRuleRequest(string Name) : IAwsRequest
{
    public string? EventPattern { get; init; }

    public string? ScheduleExpression { get; init; }

    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string? State { get; init; }

    public string? Description { get; init; }

    public string? RoleArn { get; init; }

    public string? EventBusName { get; init; }

    public string Operation => "PutRule";

    // Creates or replaces the rule of that name: a repeat leaves the same rule.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("Name", Name);
        writer.WriteOptional("ScheduleExpression", ScheduleExpression);
        writer.WriteOptional("EventPattern", EventPattern);
        writer.WriteOptional("State", State);
        writer.WriteOptional("Description", Description);
        writer.WriteOptional("RoleArn", RoleArn);
        writer.WriteOptional("EventBusName", EventBusName);
    }
}

/// <summary><c>{RuleArn}</c>.</summary>
internal sealed record PutRuleResponse(string? RuleArn)
{
    public static PutRuleResponse Parse(JsonElement json) => new(AwsJson.String(json, "RuleArn"));
}
