using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Http;

namespace LakehouseManager.Composition;

/// <summary>The Nessie client of a catalog kind, with its token: <c>--nessie-token</c>, else the Dremio PAT, else none.</summary>
internal static class NessieConnections
{
    public static NessieClient Client(Lakehouse lakehouse, NessieEndpoint endpoint)
    {
        var settings = lakehouse.Settings;
        var token = !string.IsNullOrWhiteSpace(settings.NessieToken)
            ? new BearerToken(settings.NessieToken, "the Nessie token (--nessie-token)")
            : !string.IsNullOrWhiteSpace(settings.DremioPat) ? new BearerToken(settings.DremioPat) : null;
        return lakehouse.Own(new NessieClient(endpoint, token, settings.HttpHandler));
    }
}
