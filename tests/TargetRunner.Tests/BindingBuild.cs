using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

/// <summary>A build with one parameter of each supported kind; its target keeps the bound build.</summary>
internal sealed class BindingBuild : NukeBuild
{
    [Parameter("Source branch")]
    internal readonly string FromRef = "main";

    [Parameter]
    internal readonly string? ToRef;

    [Parameter]
    internal readonly string? RepoName;

    [Parameter]
    internal readonly string MirrorPath = "default";

    [Parameter]
    internal readonly bool DryRun;

    [Parameter]
    internal readonly int? Count;

    [Parameter]
    internal readonly int Offset;

    [Parameter]
    internal readonly string[] Tags = [];

    [Parameter(Separator = "+")]
    internal readonly string[] Paths = [];

    [Parameter]
    internal readonly string[] Labels = [];

    [Parameter]
    internal readonly CatalogKind Catalog = CatalogKind.Local;

    [Parameter]
    internal readonly AbsolutePath? Output;

    [Parameter(Name = "PrId")]
    internal string? PullRequest { get; }

    private Target Show => _ => _.Executes(() => Ambient.Capture(this));
}
