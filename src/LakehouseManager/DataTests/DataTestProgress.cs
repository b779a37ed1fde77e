namespace LakehouseManager.DataTests;

/// <summary>
/// A progress report from <see cref="DataTestRunner"/>, so a console can show a long run as it goes. Reports come from
/// the worker that runs the test, so from several threads at once.
/// </summary>
/// <param name="Kind">Started or finished.</param>
/// <param name="Test">The test.</param>
/// <param name="Completed">Tests finished so far (this one included when finished).</param>
/// <param name="Total">Tests that run in this run (skipped ones excluded).</param>
/// <param name="Result">The result, when finished.</param>
internal sealed record DataTestProgress(
    DataTestProgressKind Kind,
    DataTest Test,
    int Completed,
    int Total,
    DataTestResult? Result = null);
