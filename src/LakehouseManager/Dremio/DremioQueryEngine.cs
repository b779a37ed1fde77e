using LakehouseManager.DataTests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakehouseManager.Dremio;

/// <summary>
/// Runs data-test queries on Dremio (design §5): submits the SQL with <c>references</c> pinning the catalog source to
/// the branch (so the tests need no <c>AT BRANCH</c>), polls the job until it is final, and reads its rows lazily.
/// </summary>
internal sealed class DremioQueryEngine : IQueryEngine
{
    private readonly DremioClient _client;
    private readonly DremioQueryEngineOptions _options;
    private readonly ILogger _logger;

    /// <param name="client">The Dremio connection; not disposed by the engine.</param>
    /// <param name="catalogSource">The Dremio source of the versioned catalog (by default the repository name).</param>
    /// <param name="options">Polling, paging and cancel settings; null for the defaults.</param>
    /// <param name="logger">Where a failed best-effort cancel is reported; null for none.</param>
    public DremioQueryEngine(
        DremioClient client,
        string catalogSource,
        DremioQueryEngineOptions? options = null,
        ILogger<DremioQueryEngine>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        if (string.IsNullOrWhiteSpace(catalogSource))
        {
            throw new LakehouseException(
                "The Dremio catalog source name is empty: pass the name of the Nessie/Arctic source in Dremio " +
                "(by default --repo-name).");
        }

        CatalogSource = catalogSource;
        _options = options ?? DremioQueryEngineOptions.Default;
        if (_options.PageSize is < 1 or > DremioJobResults.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.PageSize, $"The page size must be 1 to {DremioJobResults.MaxLimit}.");
        }

        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The source that each query pins to the branch.</summary>
    public string CatalogSource { get; }

    public string Description => $"{_client.Endpoint.Description}, source '{CatalogSource}'";

    public async Task<IQueryCursor> ExecuteAsync(string sql, QueryVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(version);

        // Pinned to the reviewed commit when there is one, so the tests see what the reviewer saw.
        var reference = version.CommitHash is { } hash
            ? DremioVersionReference.Commit(hash)
            : DremioVersionReference.Branch(version.Branch);
        var request = DremioSqlRequest.At(sql, CatalogSource, reference) with { Context = _options.Context };
        return await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a request as it is (no <c>references</c> added): for statements that name their version themselves
    /// (<c>SHOW CREATE VIEW ... AT COMMIT</c>) or read the default branch (<c>INFORMATION_SCHEMA</c>). Same job
    /// lifecycle, errors and cancellation as <see cref="ExecuteAsync(string, QueryVersion, CancellationToken)"/>.
    /// </summary>
    internal async Task<IQueryCursor> ExecuteAsync(DremioSqlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string jobId;
        try
        {
            jobId = await _client.SubmitSqlAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (DremioException e) when (!e.IsFatal)
        {
            // Dremio refused this query (400: invalid references, malformed request): this test errs, the run goes on.
            throw new QueryFailedException($"Dremio rejected the query: {e.ErrorMessage ?? e.Message}", e);
        }

        DremioJobStatus status;
        try
        {
            status = await WaitUntilFinalAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or DremioException)
        {
            // A test timeout (or a Dremio that stopped answering) must not leave the query running on the engine.
            await CancelBestEffortAsync(jobId).ConfigureAwait(false);
            throw;
        }

        switch (status.State)
        {
            case DremioJobState.Failed:
                throw new QueryFailedException(
                    $"The query failed in Dremio (job {jobId}): {status.ErrorMessage ?? "no error message was given"}");
            case DremioJobState.Canceled:
                throw new QueryFailedException(
                    $"The query was canceled in Dremio (job {jobId}): {status.CancellationReason ?? "no reason was given"}");
        }

        var firstPage = await _client.GetJobResultsAsync(jobId, 0, _options.PageSize, cancellationToken)
            .ConfigureAwait(false);
        return new DremioQueryCursor(_client, jobId, firstPage, status.RowCount, _options.PageSize);
    }

    public override string ToString() => $"DremioQueryEngine({Description})";

    private async Task<DremioJobStatus> WaitUntilFinalAsync(string jobId, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var submitted = time.GetTimestamp();
        var delay = TimeSpan.Zero;
        while (true)
        {
            var status = await _client.GetJobStatusAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (status.IsTerminal)
            {
                return status;
            }

            delay = PollBackoff.After(
                time.GetElapsedTime(submitted), delay, _options.FirstPollDelay, _options.FastPollWindow, _options.MaxPollDelay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CancelBestEffortAsync(string jobId)
    {
        // Not on the caller's token, which is usually the one that was just cancelled.
        using var timeout = new CancellationTokenSource(_options.CancelTimeout, _options.TimeProvider);
        try
        {
            await _client.CancelJobAsync(jobId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DremioException or OperationCanceledException)
        {
            // The job may have finished meanwhile (Dremio then answers 400) or Dremio is unreachable; either way there
            // is nothing more to do than to say so.
            _logger.LogWarning("Could not cancel Dremio job {JobId}: {Reason}", jobId, e.Message);
        }
    }
}
