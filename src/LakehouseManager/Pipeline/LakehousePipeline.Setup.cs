using LakehouseManager.Composition;
using LakehouseManager.Naming;
using LakehouseManager.Pipeline.Setup;
using Microsoft.Extensions.Logging;

namespace LakehouseManager.Pipeline;

/// <summary>Setting up a mirror of your own: Init.</summary>
public sealed partial class LakehousePipeline
{
    /// <summary>
    /// Init: the local catalog, the remote (<paramref name="remoteUrl"/>, or a bare repository beside the checkout),
    /// the mirror checkout and the first sync of <paramref name="branch"/>, each made only when missing; a second run
    /// changes nothing and says so.
    /// </summary>
    public async Task<InitMirrorResult> InitAsync(string branch, string? remoteUrl = null, CancellationToken cancellationToken = default)
    {
        var (catalog, remote, checkout) = await new InitMirror(_lakehouse, _lakehouse.Loggers.CreateLogger<InitMirror>())
            .PrepareAsync(branch, remoteUrl, cancellationToken).ConfigureAwait(false);
        var sync = await SyncAsync(branch, cancellationToken).ConfigureAwait(false);
        var result = new InitMirrorResult(branch, catalog, remote, checkout, sync);
        var how = _lakehouse.Settings.Catalog == CatalogKind.Local
            ? "with the Sql target (docs/local-catalog.md)"
            : "in the catalog (Dremio's UI or SQL, or the Sql target)";
        var state = await _lakehouse.Repository.History.RevParseAsync("HEAD", cancellationToken).ConfigureAwait(false) is null
            ? $"catalog branch {branch} has no views yet, so git branch {branch} has no commit yet. Create views " +
              $"{how}; then Sync --to-ref {branch} makes the mirror's first commit"
            : $"git branch {branch} of {_lakehouse.Repository.Directory} mirrors catalog branch {branch} at " +
              $"{HashText.Short(sync.Delta.ToHash)}. Change views {how}, then Sync --to-ref {branch}";
        _logger.LogInformation(
            result.ChangedAnything
                ? "Init is done: {State}."
                : "Init changed nothing (the catalog, the remote, the checkout and the mirror were all in place and in step): {State}.",
            state);
        return result;
    }
}
