using LakehouseManager.Fakes;

return await StandaloneFakes.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
