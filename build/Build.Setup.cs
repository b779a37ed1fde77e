using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Setup;
using TargetRunner;

/// <summary>Init: a mirror of your own, from nothing (or from what is there already) to the first sync.</summary>
internal partial class Build
{
    [Parameter("Init: the mirror's remote, a URL or the folder of an existing repository - Default is a bare repository " +
               "Init creates beside --repo-path ('<repo-path>.git')")]
    private readonly string? RemoteUrl;

    private Target Init => _ => _
        .Description("Sets up a mirror of your own: the local catalog (when missing), a bare remote (or --remote-url), the " +
                     "checkout at --repo-path and the first sync of --to-ref (default --from-ref); run again, it changes nothing")
        .Executes(async ct =>
        {
            var result = await Pipeline.InitAsync(ToRef ?? FromRef, RemoteUrl, ct);
            ReportSummary(_ => _
                .AddPair("Catalog", Word(result.Catalog))
                .AddPair("Remote", Word(result.Remote))
                .AddPair("Checkout", Word(result.Checkout))
                .AddPair("Commit", result.Sync.Commit is null ? "none" : HashText.Short(result.Sync.Commit)));
        });

    private static string Word(InitStep step) => step.Created ? "created" : "kept";
}
