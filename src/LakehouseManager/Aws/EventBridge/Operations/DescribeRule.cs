using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.EventBridge.Operations;

/// <summary><c>DescribeRule</c> <c>{Name, EventBusName?}</c> (ResourceNotFoundException when there is none).</summary>
internal sealed record DescribeRuleRequest(string Name) : IAwsRequest
{
    public string? EventBusName { get; init; }

    public string Operation => "DescribeRule";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("Name", Name);
        writer.WriteOptional("EventBusName", EventBusName);
    }
}
