using TargetRunner;

/// <summary>
/// The build: <c>./build.sh TARGET</c>. Slices by concern: <c>Build.Dev.cs</c> holds the developer targets;
/// the pipeline targets go in <c>Build.Pipeline.cs</c> (and e.g. <c>Build.Aws.cs</c>) as further partial slices.
/// There is deliberately no default target: <c>./build.sh</c> with no target prints the help.
/// </summary>
internal partial class Build : NukeBuild
{
    public static int Main() => Execute<Build>();

    private AbsolutePath Solution => RootDirectory / "LakehouseManager.sln";

    private AbsolutePath SourceDirectory => RootDirectory / "src";

    private AbsolutePath TestsDirectory => RootDirectory / "tests";

    private AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
}
