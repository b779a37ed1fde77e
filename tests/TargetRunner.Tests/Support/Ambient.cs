using Microsoft.Extensions.Time.Testing;

namespace TargetRunner.Tests.Support;

/// <summary>
/// What a test shares with the sample build it runs in-process: the build classes are created by the runner, so they
/// reach the test's recorder and clock through the async context (parallel tests stay apart).
/// </summary>
internal static class Ambient
{
    private static readonly AsyncLocal<AmbientState?> s_state = new();

    public static AmbientState State
    {
        get => s_state.Value ?? throw new InvalidOperationException("This test set up no ambient state.");
        set => s_state.Value = value;
    }

    public static FakeTimeProvider Clock => State.Clock;

    /// <summary>Keeps the build instance so the test can read its bound parameters.</summary>
    public static void Capture(NukeBuild build) => State.Build = build;

    public static void Record(string text)
    {
        lock (State.Events)
        {
            State.Events.Add(text);
        }
    }
}

/// <summary>The mutable state behind <see cref="Ambient"/>; targets write it, the test reads it after the run.</summary>
internal sealed class AmbientState(FakeTimeProvider clock)
{
    public FakeTimeProvider Clock { get; } = clock;

    public List<string> Events { get; } = [];

    public NukeBuild? Build { get; set; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
