using LakehouseManager.Fakes.CodeCommit;

// The fakes, standalone: dotnet run --project tests/LakehouseManager.Fakes -- <verb> [options]. One verb per fake, each
// in its own file, so that fakes added side by side merge as one line here.
return args switch
{
    ["codecommit", .. var rest] => await CodeCommitFakeVerb.RunAsync(rest, Console.Out, CancellationToken.None),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run --project tests/LakehouseManager.Fakes -- <verb> [options]");
    Console.Error.WriteLine("Verbs:");
    Console.Error.WriteLine($"  codecommit   {CodeCommitFakeVerb.Summary}");
    return 2;
}
