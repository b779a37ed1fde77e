using LakehouseManager.Pipeline.Merge;

namespace LakehouseManager.Demo;

/// <summary>What the demo did, for its closing summary and for tests.</summary>
public sealed record DemoResult(
    DemoWorkspace Workspace,
    int TestsFailedBeforeFix,
    int TestsPassedAfterFix,
    MergeCatalogResult Merge,
    int ViewsVerified);
