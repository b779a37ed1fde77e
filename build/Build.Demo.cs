using LakehouseManager.Demo;
using TargetRunner;

/// <summary>The demo: the whole review loop on the embedded catalog, in .lakehouse/demo/, with no cloud account.</summary>
internal partial class Build
{
    private AbsolutePath DemoDirectory => RootDirectory / ".lakehouse" / "demo";

    private Target Demo => _ => _
        .Description("Runs the whole loop on the embedded local catalog in .lakehouse/demo/ (reset on every run): sync, review diff, data tests, merge, verify")
        .Executes(async ct =>
        {
            var result = await new DemoRunner(new DemoWorkspace(DemoDirectory), new RunnerLoggerProvider()).RunAsync(ct);
            ReportSummary(_ => _.AddPair("Views", result.ViewsVerified.ToString()).AddPair("Workspace", DemoDirectory.GetRelativePathTo(RootDirectory)));
        });
}
