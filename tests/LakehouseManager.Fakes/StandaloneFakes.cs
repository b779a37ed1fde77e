using LakehouseManager.Fakes.CodeCommit;
using LakehouseManager.Fakes.IcebergRest;
using LakehouseManager.Fakes.Nessie;

namespace LakehouseManager.Fakes;

/// <summary>
/// The fakes, standalone: <c>dotnet run --project tests/LakehouseManager.Fakes -- &lt;verb&gt; [options]</c>. One verb
/// per fake, each in its own file, so that fakes added side by side merge as one line here. A port that is taken is
/// said in one line, not as a stack trace.
/// </summary>
public static class StandaloneFakes
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return args switch
            {
                ["nessie", .. var rest] => await StandaloneNessieVerb.RunAsync(rest),
                ["codecommit", .. var rest] => await CodeCommitFakeVerb.RunAsync(rest, output, cancellationToken),
                ["iceberg-rest", .. var rest] => await IcebergRestFakeVerb.RunAsync(rest),
                ["-h" or "--help" or "help", ..] => Usage(output, 0),
                _ => Usage(error, 2),
            };
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel: "Failed to bind to address http://127.0.0.1:N: address already in use."
            await error.WriteLineAsync($"{e.Message} Stop what listens there, or pass another --port.");
            return 1;
        }
    }

    private static int Usage(TextWriter output, int exitCode)
    {
        output.WriteLine("Usage: dotnet run --project tests/LakehouseManager.Fakes -- <verb> [options]");
        output.WriteLine("Verbs:");
        output.WriteLine("  nessie       a Nessie REST v2 server with Dremio's catalog, SQL and job endpoints, seeded with views");
        output.WriteLine($"  codecommit   {CodeCommitFakeVerb.Summary}");
        output.WriteLine($"  iceberg-rest {IcebergRestFakeVerb.Summary}");
        output.WriteLine();
        output.WriteLine(StandaloneNessie.Usage);
        return exitCode;
    }
}
