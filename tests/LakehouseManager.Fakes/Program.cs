using LakehouseManager.Fakes.CodeCommit;
using LakehouseManager.Fakes.IcebergRest;
using LakehouseManager.Fakes.Nessie;

// The fakes, standalone: dotnet run --project tests/LakehouseManager.Fakes -- <verb> [options]. One verb per fake, each
// in its own file, so that fakes added side by side merge as one line here.
return args switch
{
    ["nessie", .. var rest] => await StandaloneNessieVerb.RunAsync(rest),
    ["codecommit", .. var rest] => await CodeCommitFakeVerb.RunAsync(rest, Console.Out, CancellationToken.None),
    ["iceberg-rest", .. var rest] => await IcebergRestFakeVerb.RunAsync(rest),
    ["-h" or "--help" or "help", ..] => Usage(0),
    _ => Usage(2),
};

static int Usage(int exitCode)
{
    var output = exitCode == 0 ? Console.Out : Console.Error;
    output.WriteLine("Usage: dotnet run --project tests/LakehouseManager.Fakes -- <verb> [options]");
    output.WriteLine("Verbs:");
    output.WriteLine("  nessie       a Nessie REST v2 server with Dremio's catalog, SQL and job endpoints, seeded with views");
    output.WriteLine($"  codecommit   {CodeCommitFakeVerb.Summary}");
    output.WriteLine($"  iceberg-rest {IcebergRestFakeVerb.Summary}");
    output.WriteLine();
    output.WriteLine(StandaloneNessie.Usage);
    return exitCode;
}
