using Polly;
using Polly.Timeout;

namespace LakehouseManager.Http;

/// <summary>Sends a request through a <see cref="HttpResilience"/> pipeline.</summary>
internal static class ResilientHttpClientExtensions
{
    /// <summary>
    /// Sends the request made by <paramref name="createRequest"/> (called once per attempt: a request message cannot be
    /// sent twice) and returns the last response, which the caller disposes. The body is buffered inside the attempt,
    /// so the attempt timeout covers reading it. Throws <see cref="HttpRequestException"/> or
    /// <see cref="Polly.Timeout.TimeoutRejectedException"/> when every attempt failed, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> was cancelled.
    /// </summary>
    public static async Task<HttpResponseMessage> SendResilientAsync(
        this HttpClient client,
        Func<HttpRequestMessage> createRequest,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        RetrySafety safety,
        CancellationToken cancellationToken = default) =>
        await client.SendResilientAsync(createRequest, pipeline, safety, refusedForNow: null, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// As <see cref="SendResilientAsync(HttpClient, Func{HttpRequestMessage}, ResiliencePipeline{HttpResponseMessage},
    /// RetrySafety, CancellationToken)"/>, and also retries the responses <paramref name="refusedForNow"/> accepts (see
    /// <see cref="HttpResilience.RefusedForNowKey"/>). The predicate sees a buffered response and must not dispose it.
    /// </summary>
    public static async Task<HttpResponseMessage> SendResilientAsync(
        this HttpClient client,
        Func<HttpRequestMessage> createRequest,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        RetrySafety safety,
        Func<HttpResponseMessage, bool>? refusedForNow,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(createRequest);
        ArgumentNullException.ThrowIfNull(pipeline);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(HttpResilience.RetrySafetyKey, safety);
            context.Properties.Set(HttpResilience.RefusedForNowKey, refusedForNow);
            return await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var request = state.createRequest();
                    return await state.client
                        .SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken)
                        .ConfigureAwait(false);
                },
                context,
                (client, createRequest)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// As <see cref="SendResilientAsync(HttpClient, Func{HttpRequestMessage}, ResiliencePipeline{HttpResponseMessage},
    /// RetrySafety, Func{HttpResponseMessage, bool}?, CancellationToken)"/>, with the two ways of getting no answer
    /// turned into the caller's own errors: every attempt timed out (<paramref name="timedOut"/>), or none reached the
    /// server (<paramref name="unreachable"/>). A cancellation stays a cancellation.
    /// </summary>
    public static async Task<HttpResponseMessage> SendOrExplainAsync(
        this HttpClient client,
        Func<HttpRequestMessage> createRequest,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        RetrySafety safety,
        Func<HttpResponseMessage, bool>? refusedForNow,
        Func<TimeoutRejectedException, Exception> timedOut,
        Func<HttpRequestException, Exception> unreachable,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timedOut);
        ArgumentNullException.ThrowIfNull(unreachable);
        try
        {
            return await client.SendResilientAsync(createRequest, pipeline, safety, refusedForNow, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw timedOut(e);
        }
        catch (HttpRequestException e)
        {
            throw unreachable(e);
        }
    }
}
