using LakehouseManager.Aws.EventBridge.Operations;

namespace LakehouseManager.Aws.EventBridge;

/// <summary>EventBridge's rule, target and event operations over JSON 1.1. Thread-safe; dispose it when done.</summary>
internal sealed class EventBridgeClient : IDisposable
{
    private readonly AwsJsonClient _json;

    public EventBridgeClient(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _json = connection.CreateClient(AwsService.EventBridge);
    }

    /// <summary>Creates or updates a rule; its ARN.</summary>
    public async Task<string?> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default) =>
        (await _json.CallAsync(request, PutRuleResponse.Parse, cancellationToken).ConfigureAwait(false)).RuleArn;

    /// <summary>Sets targets of a rule; look at <see cref="PutTargetsResponse.FailedEntries"/>.</summary>
    public Task<PutTargetsResponse> PutTargetsAsync(PutTargetsRequest request, CancellationToken cancellationToken = default) =>
        _json.CallAsync(request, PutTargetsResponse.Parse, cancellationToken);

    public Task<EventBridgeRule> DescribeRuleAsync(DescribeRuleRequest request, CancellationToken cancellationToken = default) =>
        _json.CallAsync(request, EventBridgeRule.Parse, cancellationToken);

    /// <summary>One page of a rule's targets: <see cref="GetTargetsAsync"/> walks them all.</summary>
    public Task<ListTargetsByRuleResponse> ListTargetsByRuleAsync(ListTargetsByRuleRequest request, CancellationToken cancellationToken = default) =>
        _json.CallAsync(request, ListTargetsByRuleResponse.Parse, cancellationToken);

    /// <summary>Every target of the rule, page after page.</summary>
    public IAsyncEnumerable<EventBridgeTarget> GetTargetsAsync(ListTargetsByRuleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.EnumerateAsync(
            (token, ct) => ListTargetsByRuleAsync(request with { NextToken = token }, ct),
            page => page.Targets,
            page => page.NextToken,
            $"the targets of rule {request.Rule}",
            cancellationToken);
    }

    /// <summary>Puts events; look at <see cref="PutEventsResponse.Entries"/> for refused ones.</summary>
    public Task<PutEventsResponse> PutEventsAsync(IReadOnlyList<EventBridgeEntry> entries, CancellationToken cancellationToken = default) =>
        _json.CallAsync(new PutEventsRequest(entries), PutEventsResponse.Parse, cancellationToken);

    public void Dispose() => _json.Dispose();
}
