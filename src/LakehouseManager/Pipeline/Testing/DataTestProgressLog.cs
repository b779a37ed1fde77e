using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Reports;
using LakehouseManager.Reporting;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Testing;

/// <summary>
/// Logs one line per finished test, e.g. <c>12/40 PASS revenue_total (1.2s)</c>, so a long run shows it is moving.
/// Thread-safe: the runner reports from several workers at once, and the count and the line are taken under one lock
/// so the counts go up line by line.
/// </summary>
internal sealed class DataTestProgressLog : IProgress<DataTestProgress>
{
    private const int MaxMessage = 200;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private int _finished;

    public DataTestProgressLog(ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Finished tests logged so far.</summary>
    public int Finished
    {
        get
        {
            lock (_gate)
            {
                return _finished;
            }
        }
    }

    public void Report(DataTestProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Kind != DataTestProgressKind.Finished || value.Result is not { } result)
        {
            return;
        }

        var status = ResultDisplay.Word(ResultDisplay.KindOf(result));
        var duration = DurationText.Format(result.Duration);
        lock (_gate)
        {
            _finished++;
            if (result.IsProblem)
            {
                // The first line only: an engine's message may run over many lines; the reports hold all of it.
                var message = TextCut.ToLength(result.Message.Split('\n')[0].TrimEnd('\r'), MaxMessage);
                _logger.LogWarning(
                    "{Finished}/{Total} {Status} {Test} ({Duration}): {Message}",
                    _finished, value.Total, status, result.Name, duration, message);
            }
            else
            {
                _logger.LogInformation(
                    "{Finished}/{Total} {Status} {Test} ({Duration})", _finished, value.Total, status, result.Name, duration);
            }
        }
    }
}
