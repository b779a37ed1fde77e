using LakehouseManager.Catalog.Local;
using LakehouseManager.Composition;
using LakehouseManager.Mirror.Git;
using LakehouseManager.Naming;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline.Setup;

/// <summary>
/// Init, up to the first sync: the local catalog (created when missing, with <c>--from-ref</c> as its default branch),
/// the remote (a given <c>--remote-url</c>, or a bare repository beside the checkout standing in for the hosted mirror),
/// and the mirror checkout (cloned when missing or empty). Whatever exists is kept: a second run changes nothing.
/// Everything that can be wrong is checked before anything is made: the branch names, a given remote that does not
/// exist, a <c>--repo-path</c> that is not a checkout's top folder, a checkout whose remote is another one than the one
/// given, a catalog branch that does not exist.
/// </summary>
internal sealed class InitMirror(Lakehouse lakehouse, ILogger logger)
{
    private LakehouseSettings Settings => lakehouse.Settings;

    private GitRepository Checkout => lakehouse.Repository;

    /// <summary>The bare repository Init creates when no remote is given: beside the checkout, named after it.</summary>
    public static string DefaultRemotePath(string repoPath) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoPath)) + ".git";

    public async Task<(InitStep Catalog, InitStep Remote, InitStep Checkout)> PrepareAsync(
        string branch, string? remoteUrl, CancellationToken cancellationToken)
    {
        RefName.Require(branch, "branch (--to-ref)");
        RefName.Require(Settings.FromRef, "branch (--from-ref)");
        GitArguments.RequireName(Settings.Remote, "remote (--remote)");
        var given = string.IsNullOrWhiteSpace(remoteUrl) ? null : RequireGivenRemote(remoteUrl.Trim());
        var existing = await InspectCheckoutAsync(given, cancellationToken).ConfigureAwait(false);

        var catalog = await EnsureCatalogAsync(branch, cancellationToken).ConfigureAwait(false);
        InitStep remote;
        InitStep checkout;
        if (existing is not null)
        {
            checkout = Kept($"{Checkout.Directory}: an existing checkout");
            remote = existing.RemoteUrl is { } url
                ? Kept($"{Settings.Remote} = {RemoteLocation.Shown(url)}, the checkout's own remote")
                : await AddRemoteAsync(given, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var (location, step) = given is not null
                ? (given, Kept($"{RemoteLocation.Shown(given)} (--remote-url)"))
                : await EnsureBareRemoteAsync(cancellationToken).ConfigureAwait(false);
            remote = step;
            await GitRepository.CloneAsync(
                location, Checkout.Directory, options: Settings.Git, remoteName: Settings.Remote, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            checkout = Created($"{Checkout.Directory}: cloned from {RemoteLocation.Shown(location)}");
        }

        await StartBranchInEmptyRepositoryAsync(branch, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Local catalog:  {Catalog}", Describe(catalog));
        logger.LogInformation("Remote:         {Remote}", Describe(remote));
        logger.LogInformation("Checkout:       {Checkout}", Describe(checkout));
        return (catalog, remote, checkout);
    }

    /// <summary>
    /// A given remote that is a folder must exist (a typo must not become a new, empty repository); a URL is the
    /// clone's to check.
    /// </summary>
    private string RequireGivenRemote(string location)
    {
        if (!RemoteLocation.IsLocalPath(location))
        {
            return location;
        }

        var full = RemoteLocation.Normalize(location);
        if (!Directory.Exists(full))
        {
            throw new LakehouseException(
                $"--remote-url {location} does not exist: give the URL or the folder of an existing repository, or leave " +
                $"--remote-url out and Init creates a bare repository at {DefaultRemotePath(Settings.RepoPath)}.");
        }

        return full;
    }

    /// <summary>Null when there is no checkout yet (no folder, or an empty one); else the checkout and its remote's URL.</summary>
    private async Task<ExistingCheckout?> InspectCheckoutAsync(string? given, CancellationToken cancellationToken)
    {
        var folder = Checkout.Directory;
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return null;
        }

        string top;
        try
        {
            top = await Checkout.GetTopLevelAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GitException exception)
        {
            throw new LakehouseException(
                $"--repo-path {folder} holds files but is not a git checkout: give a missing or empty folder (Init clones " +
                "the mirror there) or the top folder of an existing checkout.", innerException: exception);
        }

        if (!string.Equals(Path.TrimEndingDirectorySeparator(top), Path.TrimEndingDirectorySeparator(folder), StringComparison.Ordinal))
        {
            throw new LakehouseException(
                $"--repo-path {folder} is a folder inside the git checkout {top}, not its top folder: pass --repo-path {top} " +
                "(and --mirror-path for the mirror's folder in it), or a missing or empty folder for a new checkout.");
        }

        var url = await Checkout.Remotes.GetUrlAsync(Settings.Remote, cancellationToken).ConfigureAwait(false);
        if (url is not null && given is not null && !RemoteLocation.SameAs(url, given))
        {
            throw new LakehouseException(
                $"The checkout {folder} has remote '{Settings.Remote}' at {RemoteLocation.Shown(url)}, not at " +
                $"{RemoteLocation.Shown(given)} (--remote-url): leave --remote-url out to keep the checkout's remote, or " +
                "give a new --repo-path for a checkout of the other one.");
        }

        return new ExistingCheckout(url);
    }

    private async Task<InitStep> EnsureCatalogAsync(string branch, CancellationToken cancellationToken)
    {
        var path = Settings.CatalogPath;
        InitStep step;
        if (Settings.Catalog != CatalogKind.Local)
        {
            step = Kept($"--catalog {CatalogAdapters.Flag(Settings.Catalog)}");
        }
        else if (File.Exists(path))
        {
            step = Kept(Path.GetFullPath(path));
        }
        else if (branch != Settings.FromRef)
        {
            throw new LakehouseException(
                $"The local catalog {path} (--catalog-path) does not exist yet, and a new one has only its default branch " +
                $"'{Settings.FromRef}' (--from-ref), not '{branch}' (--to-ref). Run Init for '{Settings.FromRef}' first, create " +
                $"the branch (./build.sh Sql --catalog-path {path} --sql \"CREATE BRANCH {branch}\"), then Init or Sync it.");
        }
        else
        {
            var options = new LocalCatalogOptions { DefaultBranch = Settings.FromRef, TimeProvider = lakehouse.TimeProvider };
            using (await LocalCatalog.OpenAsync(path, options, cancellationToken).ConfigureAwait(false))
            {
            }

            step = Created($"{Path.GetFullPath(path)}, with branch {Settings.FromRef}");
        }

        // The catalog must hold the branch before anything is made in git (a non-local --catalog fails here, clearly).
        var catalog = await lakehouse.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        if (await catalog.FindBranchAsync(branch, cancellationToken).ConfigureAwait(false) is null)
        {
            var branches = await catalog.ListBranchesAsync(cancellationToken).ConfigureAwait(false);
            throw new LakehouseException(
                $"Catalog branch '{branch}' (--to-ref) does not exist in {path}; its branches are: " +
                $"{string.Join(", ", branches.Select(b => b.Name))}. Create it first (./build.sh Sql --catalog-path {path} " +
                $"--sql \"CREATE BRANCH {branch}\"), or mirror an existing one.");
        }

        return step;
    }

    private async Task<(string Location, InitStep Step)> EnsureBareRemoteAsync(CancellationToken cancellationToken)
    {
        var path = DefaultRemotePath(Settings.RepoPath);
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            var bare = new GitRepository(path, Settings.Git);
            try
            {
                await bare.GetGitDirectoryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (GitException exception)
            {
                throw new LakehouseException(
                    $"{path}, where Init keeps the mirror's bare remote, holds files but is not a git repository: move it " +
                    "away, or give the remote with --remote-url.", innerException: exception);
            }

            return (path, Kept($"{path}: an existing repository"));
        }

        await GitRepository.InitAsync(path, bare: true, initialBranch: Settings.FromRef, options: Settings.Git, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return (path, Created($"{path}: a bare repository standing in for the hosted mirror (e.g. CodeCommit)"));
    }

    private async Task<InitStep> AddRemoteAsync(string? given, CancellationToken cancellationToken)
    {
        var (location, _) = given is not null
            ? (given, Kept(given))
            : await EnsureBareRemoteAsync(cancellationToken).ConfigureAwait(false);
        await Checkout.Remotes.AddRemoteAsync(Settings.Remote, location, cancellationToken).ConfigureAwait(false);
        return Created($"{Settings.Remote} = {RemoteLocation.Shown(location)}, added to the checkout");
    }

    /// <summary>
    /// A clone of an empty repository has no commit, and its HEAD may name another branch (the remote's default):
    /// the first sync commit must start the branch being mirrored.
    /// </summary>
    private async Task StartBranchInEmptyRepositoryAsync(string branch, CancellationToken cancellationToken)
    {
        if (await Checkout.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false) is null &&
            await Checkout.WorkTree.GetCurrentBranchAsync(cancellationToken).ConfigureAwait(false) != branch &&
            !await Checkout.Remotes.RemoteBranchExistsAsync(Settings.Remote, branch, cancellationToken).ConfigureAwait(false))
        {
            await Checkout.WorkTree.StartUnbornBranchAsync(branch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(InitStep step) => $"{(step.Created ? "created" : "kept   ")}  {step.Description}";

    private static InitStep Created(string description) => new(true, description);

    private static InitStep Kept(string description) => new(false, description);

    /// <summary>A checkout that is there already, and the URL of its <c>--remote</c> (null when it has none).</summary>
    private sealed record ExistingCheckout(string? RemoteUrl);
}
