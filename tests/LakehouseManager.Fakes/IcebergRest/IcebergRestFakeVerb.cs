using System.Globalization;
using System.Runtime.InteropServices;

namespace LakehouseManager.Fakes.IcebergRest;

/// <summary>The <c>iceberg-rest</c> verb: an Iceberg REST catalog without branches, until Ctrl-C or SIGTERM.</summary>
internal static class IcebergRestFakeVerb
{
    public const string Summary = "an Iceberg REST catalog without branches (as Open Catalog / Apache Polaris): --port N (default 8181)";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = 8181;
        if (args is ["--port", var text] && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            port = parsed;
        }
        else if (args.Length > 0)
        {
            await Console.Error.WriteLineAsync($"Usage: iceberg-rest [--port N]. {Summary}.");
            return 2;
        }

        await using var fake = await IcebergRestFake.StartAsync(port: port);
        Console.WriteLine($"Iceberg REST catalog (no branches) at {fake.CatalogUri}; Ctrl-C stops it.");
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
