using LakehouseManager.Tests.Support;
using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class RootDirectoryTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task The_root_is_the_first_folder_with_a_nuke_folder_above_the_working_directory()
    {
        _harness.WorkingDirectory = Directory.CreateDirectory(Path.Combine(_harness.Root, "src", "deep")).FullName;

        var result = await _harness.RunAsync<RootBuild>("Show");

        Assert.Equal([_harness.Root], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_nuke_folder_the_run_fails_and_says_to_create_one_or_pass_root()
    {
        using var elsewhere = new TempDirectory("runner-noroot");
        _harness.WorkingDirectory = elsewhere.Path;

        var result = await _harness.RunAsync<RootBuild>("Show");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains(
            $"Could not locate '.nuke' directory/file while walking up from '{elsewhere.Path}'. Either create a directory/file "
            + "to mark the root directory, or add '--root [path]' to the invocation.",
            result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_root_argument_overrides_the_search()
    {
        using var other = new TempDirectory("runner-root");

        var result = await _harness.RunAsync<RootBuild>("Show", "--root", other.Path);

        Assert.Equal([other.Path], result.Events);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class RootBuild : NukeBuild
    {
        private Target Show => _ => _.Executes(() => Ambient.Record(RootDirectory));
    }
}
