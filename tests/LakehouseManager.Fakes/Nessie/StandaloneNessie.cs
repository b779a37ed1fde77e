using System.Diagnostics;
using System.Runtime.InteropServices;
using LakehouseManager.Fakes.Dremio;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// The Nessie fake and the Dremio fake serving the same seeded catalog, until Ctrl-C; then the request counts.
/// </summary>
public static class StandaloneNessie
{
    public const string Usage =
        """
        Usage: dotnet run --project tests/LakehouseManager.Fakes -- nessie [options]

          --port N          Nessie API port (default 19120)
          --dremio-port N   Dremio API port (default: the Nessie port + 1)
          --views N         views seeded on main, spread over namespaces (default 1000)
          --spec-version V  Nessie spec version: 2.2.0 (escaped keys) or 2.1.3 (legacy keys) (default 2.2.0)
          --token T         bearer token both fakes accept, i.e. the Dremio PAT (default lakehouse-fake-pat)
          --source S        the Dremio source name of the catalog (default lakehouse)
          --latency-ms N    wait N ms before every Nessie answer (default 0)

        Request counts per endpoint: GET /_fake/stats on the Nessie port, and printed on Ctrl-C.
        """;

    public static async Task<int> RunAsync(StandaloneNessieOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var nessie = await NessieFake.StartAsync(new NessieFakeOptions
        {
            Port = options.Port,
            SpecVersion = options.SpecVersion,
            Token = options.Token,
            Latency = options.Latency,
        }, cancellationToken);
        await using var dremio = await DremioFake.StartAsync(new DremioFakeOptions
        {
            Port = options.DremioPort == 0 ? options.Port + 1 : options.DremioPort,
            Pat = options.Token,
        }, cancellationToken);
        nessie.ServeDremio(dremio, options.Source);

        var stopwatch = Stopwatch.StartNew();
        var seed = NessieFakeSeeder.Seed(nessie, options.Views);
        nessie.Data.WithOrders();
        await output.WriteLineAsync(
            $"Seeded {seed.Views.Count} views in {seed.Namespaces.Count} namespaces on '{nessie.Options.DefaultBranch}' " +
            $"({nessie.Repository.CommitCount} commits, {stopwatch.Elapsed.TotalSeconds:F1} s); head {seed.Head}.");
        var nessieUrl = nessie.ApiUri.ToString().TrimEnd('/');
        var dremioUrl = dremio.BaseAddress.ToString().TrimEnd('/');
        await output.WriteLineAsync(
            $"""

            Nessie (spec {options.SpecVersion}) and Dremio fakes are running. Set the token once (both fakes take it):
              export DREMIO_PAT={options.Token}
            then give the tool, for
              --catalog nessie        --nessie-url {nessieUrl} --dremio-url {dremioUrl} --catalog-name {options.Source}
              --catalog dremio        --dremio-url {dremioUrl} --catalog-name {options.Source}
              --catalog dremio-cloud  --project-id {dremio.ProjectId} --dremio-url {dremioUrl} --nessie-url {nessie.ArcticApiUri.ToString().TrimEnd('/')} --catalog-name {options.Source}
            (--catalog nessie reads the catalog and the view SQL from Nessie and runs data tests on the Dremio fake;
            --catalog dremio finds its Nessie server in the source's configuration; --catalog dremio-cloud takes
            Arctic's URL form, catalog id {nessie.RepositoryId}, and the Dremio Cloud API under /v0/projects/.)
            View metadata files: {nessie.MetadataFolder}
            Request counts: {nessie.BaseAddress}_fake/stats
            Ctrl-C stops the fakes and prints the counts.
            """);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await output.WriteLineAsync("\nNessie requests per endpoint:");
        foreach (var (endpoint, count) in nessie.RequestCounts)
        {
            await output.WriteLineAsync($"  {count,8}  {endpoint}");
        }

        await output.WriteLineAsync($"  {nessie.TotalRequests,8}  in all");
        await output.WriteLineAsync($"Dremio requests: {dremio.Requests.Count}");
        await output.WriteLineAsync($"Stopping, and deleting the view metadata files in {nessie.MetadataFolder} ...");
        return 0;
    }
}
