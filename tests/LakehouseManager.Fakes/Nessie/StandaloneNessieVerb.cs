namespace LakehouseManager.Fakes.Nessie;

/// <summary>The <c>nessie</c> verb of the fakes' command line.</summary>
internal static class StandaloneNessieVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var options = StandaloneNessieOptions.Parse(args);
            return await StandaloneNessie.RunAsync(options, Console.Out);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n\n{StandaloneNessie.Usage}");
            return 2;
        }
    }
}
