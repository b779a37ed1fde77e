using LakehouseManager.Fakes.Nessie;

namespace LakehouseManager.Fakes;

/// <summary>
/// Runs a fake standalone: <c>dotnet run --project tests/LakehouseManager.Fakes -- nessie --port 19120 --views 10000</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await Console.Out.WriteLineAsync(StandaloneNessie.Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] != "nessie")
        {
            await Console.Error.WriteLineAsync($"Unknown fake '{args[0]}'. Fakes: nessie.\n\n{StandaloneNessie.Usage}");
            return 2;
        }

        try
        {
            var options = StandaloneNessieOptions.Parse(args[1..]);
            return await StandaloneNessie.RunAsync(options, Console.Out);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n\n{StandaloneNessie.Usage}");
            return 2;
        }
    }
}
