using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Demo;

/// <summary>The demo's last words: what happened, and where to look.</summary>
public static class DemoSummary
{
    public static string Render(DemoResult result, string history)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = result.Workspace;
        var root = Relative(w.Root);
        var builder = new StringBuilder();
        builder.Append("The demo ran the whole review loop on the local catalog:\n")
            .Append("  - Sync mirrored catalog main, then catalog dev, into git (one commit per sync, watermark in the trailers);\n")
            .Append("  - the pull request dev -> main showed the three view changes as SQL diffs;\n")
            .Append($"  - the data tests found {result.TestsFailedBeforeFix} failure on dev; after the fix {result.TestsPassedAfterFix} tests passed (YAML and original JSON);\n")
            .Append($"  - git dev was merged into main, and MergeCatalog merged catalog dev into main ({HashText.Short(result.Merge.TargetHashBefore)} -> {HashText.Short(result.Merge.TargetHashAfter)});\n")
            .Append($"  - VerifyMirror: catalog main and its mirror agree on {result.ViewsVerified} views.\n\n")
            .Append("History of the mirror repository:\n")
            .Append(string.Join('\n', history.TrimEnd().Split('\n').Select(l => "  " + l))).Append("\n\n")
            .Append("Where to look:\n")
            .Append($"  mirror checkout   {Relative(w.CheckoutPath)}   (git log -p main; the views are under {DemoWorkspace.MirrorPath}/)\n")
            .Append($"  hosted mirror     {Relative(w.RemotePath)}\n")
            .Append($"  local catalog     {Relative(w.CatalogPath)}\n")
            .Append($"  delta             {Relative(Path.Combine(w.ArtifactsPath, "catalog-delta.json"))}\n")
            .Append($"  data-test reports {Relative(Path.Combine(w.ArtifactsPath, "test-results"))}/data-tests.{{md,xml}}\n")
            .Append($"  pull request      {Relative(Path.Combine(w.ArtifactsPath, "pull-requests"))}/dev..main/ (the comments posted)\n")
            .Append($"  verification      {Relative(Path.Combine(w.ArtifactsPath, "mirror-verification.json"))}\n\n")
            .Append("Try it yourself on the demo's catalog and mirror (reports go to the demo's own artifacts folder):\n")
            .Append($"  ./build.sh Sql --catalog-path {root}/catalog.db --to-ref dev --sql \"SHOW VIEWS\"\n")
            .Append($"  ./build.sh RunDataTests --catalog-path {root}/catalog.db --repo-path {root}/checkout --mirror-path {DemoWorkspace.MirrorPath} --artifacts-path {Relative(w.ArtifactsPath)} --to-ref dev --tests-path tests/data-tests.json\n")
            .Append($"  ./build.sh VerifyMirror --catalog-path {root}/catalog.db --repo-path {root}/checkout --mirror-path {DemoWorkspace.MirrorPath} --artifacts-path {Relative(w.ArtifactsPath)} --to-ref main\n");
        return builder.ToString();
    }

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }
}
