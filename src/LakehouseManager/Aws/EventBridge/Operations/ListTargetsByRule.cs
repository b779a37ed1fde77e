using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.EventBridge.Operations;

/// <summary><c>ListTargetsByRule</c>: one page of a rule's targets (<c>Limit</c> up to 100; PascalCase tokens).</summary>
internal sealed record ListTargetsByRuleRequest(string Rule) : IAwsRequest
{
    public string? EventBusName { get; init; }

    public string? NextToken { get; init; }

    public int? Limit { get; init; }

    public string Operation => "ListTargetsByRule";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("Rule", Rule);
        writer.WriteOptional("EventBusName", EventBusName);
        writer.WriteOptional("NextToken", NextToken);
        writer.WriteOptional("Limit", Limit);
    }
}

/// <summary><c>{Targets, NextToken}</c>.</summary>
internal sealed record ListTargetsByRuleResponse(IReadOnlyList<EventBridgeTarget> Targets, string? NextToken)
{
    public static ListTargetsByRuleResponse Parse(JsonElement json) =>
        new(AwsJson.List(json, "Targets", EventBridgeTarget.Parse), AwsJson.String(json, "NextToken"));
}
