using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace TargetRunner.Tests.Support;

/// <summary>
/// Runs a sample build in-process, as the real process would, inside a fresh root directory (with <c>.nuke/</c>),
/// with injected arguments and environment, a fake clock, and the output captured.
/// </summary>
internal sealed class BuildHarness : IDisposable
{
    private readonly TempDirectory _root = new("runner-test");

    public BuildHarness()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, ".nuke"));
        State = new AmbientState(Clock);
    }

    public string Root => _root.Path;

    public Dictionary<string, string> Environment { get; } = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));

    public bool IsConsole { get; set; }

    /// <summary>Shared with the targets of the next run (recorded events, the captured build, a start signal).</summary>
    public AmbientState State { get; }

    public string? WorkingDirectory { get; set; }

    public void WriteParameters(string fileName, string json) =>
        File.WriteAllText(Path.Combine(_root.Path, ".nuke", fileName), json);

    public Task<RunResult> RunAsync<T>(params string[] arguments)
        where T : NukeBuild, new() => RunAsync<T>(arguments, [], CancellationToken.None);

    public async Task<RunResult> RunAsync<T>(
        string[] arguments,
        System.Linq.Expressions.Expression<Func<T, Target>>[] defaultTargets,
        CancellationToken cancellationToken)
        where T : NukeBuild, new()
    {
        var output = new StringWriter();
        var state = State;
        Ambient.State = state;
        state.Events.Clear();
        state.Build = null;
        var settings = new RunSettings
        {
            Arguments = arguments,
            Environment = Environment,
            Out = output,
            WorkingDirectory = WorkingDirectory ?? _root.Path,
            IsConsole = IsConsole,
            TimeProvider = Clock,
            CancellationToken = cancellationToken,
        };
        var exitCode = await BuildRunner.RunAsync(settings, defaultTargets).WaitAsync(TimeSpan.FromSeconds(30));
        return new RunResult(exitCode, output.ToString(), state.Events.ToList(), state.Build);
    }

    public void Dispose() => _root.Dispose();
}
