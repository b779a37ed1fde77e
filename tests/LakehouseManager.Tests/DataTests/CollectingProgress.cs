using LakehouseManager.DataTests;

namespace LakehouseManager.Tests.DataTests;

/// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
internal sealed class CollectingProgress(Action<DataTestProgress>? onReport = null) : IProgress<DataTestProgress>
{
    private readonly List<DataTestProgress> _reports = [];

    public IReadOnlyList<DataTestProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(DataTestProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
