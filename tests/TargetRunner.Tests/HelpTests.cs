using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class HelpTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task The_help_text_lists_targets_and_parameters_in_Nukes_format()
    {
        var result = await _harness.RunAsync<HelpSampleBuild>(["--help"], [x => x.Compile], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ExpectedFile.Read("help.txt"), result.Output.ReplaceLineEndings("\n"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_target_or_a_default_target_the_help_is_printed()
    {
        var result = await _harness.RunAsync<HelpSampleBuild>();

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Events);
        Assert.StartsWith("Targets (with their direct dependencies):", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_target_the_default_target_runs()
    {
        var result = await _harness.RunAsync<HelpSampleBuild>([], [x => x.Compile], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Restore", "Compile"], result.Events);
    }

    public void Dispose() => _harness.Dispose();

    internal enum Flavour
    {
        Local,
        Nessie,
        DremioCloud,
    }

    private sealed class HelpSampleBuild : NukeBuild
    {
        [Parameter("Catalog branch of the pull request")]
        private readonly string? ToRef;

        [Parameter("Catalog branch the pull request merges into")]
        private readonly string FromRef = "main";

        [Parameter("Which catalog adapter to use")]
        private readonly Flavour Catalog = Flavour.Local;

        [Parameter("Dremio personal access token")]
        [Secret]
        private readonly string? DremioPat;

        [Parameter("Writes nothing, only reports what would change")]
        private readonly bool DryRun;

        [Parameter("Where reports are written")]
        private readonly AbsolutePath Reports = RootDirectory / "artifacts" / "reports";

        [Parameter("Paths inside the repository that hold the data tests; several may be given, separated by spaces, "
            + "and each is searched recursively for test files in every supported format")]
        private readonly string[] TestsPath = ["tests/data"];

        [Parameter]
        private readonly int? PullRequestId;

        [Parameter("Not listed", List = false)]
        private readonly string? Hidden;

        private Target Clean => _ => _.Before(Restore).Executes(() => Ambient.Record("Clean"));

        private Target Restore => _ => _.Description("Restores packages").Executes(() => Ambient.Record("Restore"));

        internal Target Compile => _ => _.DependsOn(Restore).Executes(() => Ambient.Record("Compile"));

        private Target Test => _ => _
            .Description("Runs the tests")
            .DependsOn(Compile, Restore)
            .Executes(() => Ambient.Record("Test"));

        private Target Internal => _ => _.Unlisted().Executes(() => Ambient.Record("Internal"));

        private Target SynchronizeCatalogMirrorBranch => _ => _.DependsOn(Compile).Executes(() => Ambient.Record("Sync"));
    }
}
