namespace LakehouseManager.Demo;

/// <summary>
/// The demo's own folder (<c>.lakehouse/demo/</c>): a local catalog, a bare repository standing in for the hosted
/// mirror repository (CodeCommit), a checkout of it, and the artifacts. Nothing of the demo lives anywhere else.
/// </summary>
public sealed record DemoWorkspace(string Root)
{
    /// <summary>The demo keeps the mirror in a sub-folder, so the tests file and the views sit side by side.</summary>
    public const string MirrorPath = "views";

    public string CatalogPath => Path.Combine(Root, "catalog.db");

    public string RemotePath => Path.Combine(Root, "remote.git");

    public string CheckoutPath => Path.Combine(Root, "checkout");

    public string ArtifactsPath => Path.Combine(Root, "artifacts");

    /// <summary>Deletes what an earlier run left and creates the folder, refusing any folder not named like the demo's.</summary>
    public void Reset()
    {
        var full = Path.GetFullPath(Root);
        if (!string.Equals(Path.GetFileName(Path.TrimEndingDirectorySeparator(full)), "demo", StringComparison.Ordinal))
        {
            throw new LakehouseException($"The demo workspace must be a folder named 'demo' (got {full}); it is deleted on every run.");
        }

        if (Directory.Exists(full))
        {
            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(full, recursive: true);
        }

        Directory.CreateDirectory(full);
    }
}
