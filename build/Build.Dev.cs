using TargetRunner;

/// <summary>Developer targets, mirroring the usual Makefile: Clean, Restore, Compile, Test, Lint (Pack and
/// Publish are in Build.Publish.cs).</summary>
internal partial class Build
{
    [Parameter("Configuration to build - Default is 'Debug' (local) or 'Release' (server)")]
    private readonly Configuration Configuration = IsLocalBuild ? Configuration.Debug : Configuration.Release;

    private AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    private Target Clean => _ => _
        .Description("Deletes artifacts/ and the bin/ and obj/ folders under src/ and tests/ (never .lakehouse/)")
        .Before(Restore)
        .Executes(() =>
        {
            DevTasks.DeleteDirectory(ArtifactsDirectory);
            foreach (var directory in DevTasks.BuildOutputDirectories(SourceDirectory, TestsDirectory))
            {
                DevTasks.DeleteDirectory(directory);
            }
        });

    private Target Restore => _ => _
        .Description("Restores the solution's packages")
        .Executes(ct => DotNet.RunAsync(["restore", Solution], ct));

    private Target Compile => _ => _
        .Description("Builds the solution")
        .DependsOn(Restore)
        .Executes(ct => DotNet.RunAsync(["build", Solution, "--no-restore", "-c", Configuration.ToString()], ct));

    private Target Test => _ => _
        .Description("Runs the test projects of the solution (all need nothing beyond loopback); one TRX each in artifacts/test-results/")
        .DependsOn(Compile)
        .Executes(async ct =>
        {
            DevTasks.DeleteDirectory(TestResultsDirectory);
            var failedProjects = new List<string>();
            foreach (var project in TestProjects.In(Solution))
            {
                // One run per project, so each TRX file is named after its project (a solution-wide run names them by time).
                var name = Path.GetFileNameWithoutExtension(project);
                var exitCode = await DotNet.RunAsync(
                    ["test", project, "--no-build", "-c", Configuration.ToString(), "--filter", "Category!=External",
                        "--results-directory", TestResultsDirectory, "--logger", $"trx;LogFileName={name}.trx"],
                    ct,
                    throwOnFailure: false);
                if (exitCode != 0)
                {
                    failedProjects.Add(name);
                }
            }

            var counts = TrxCounts.Read(TestResultsDirectory);
            ReportSummary(_ => _.AddPair("Passed", counts.Passed.ToString()).AddPair("Failed", counts.Failed.ToString()));
            if (failedProjects.Count > 0)
            {
                throw new BuildException($"{counts.Failed} test(s) failed in {string.Join(", ", failedProjects)}; see {TestResultsDirectory}.");
            }
        });

    private Target Lint => _ => _
        .Description("Checks formatting and analyzers (dotnet format --verify-no-changes, build with warnings as errors)")
        .DependsOn(Restore)
        .Executes(async ct =>
        {
            await DotNet.RunAsync(["format", Solution, "--verify-no-changes", "--no-restore"], ct);
            await DotNet.RunAsync(["build", Solution, "--no-restore", "-c", Configuration.ToString(), "-warnaserror"], ct);
        });
}
