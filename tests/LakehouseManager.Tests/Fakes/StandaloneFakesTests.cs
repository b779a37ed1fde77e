using System.Net;
using System.Net.Sockets;
using LakehouseManager.Fakes;
using Xunit;

namespace LakehouseManager.Tests.Fakes;

/// <summary>The standalone fakes' entry point (<c>dotnet run --project tests/LakehouseManager.Fakes -- ...</c>).</summary>
public sealed class StandaloneFakesTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_port_that_is_taken_is_said_in_one_line_without_a_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var error = new StringWriter();

        var code = await StandaloneFakes.RunAsync(["codecommit", "--port", $"{port}"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, code);
        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("or pass another --port.", line, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_verb_prints_the_verbs_and_exits_2()
    {
        using var error = new StringWriter();

        var code = await StandaloneFakes.RunAsync(["nosuch"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("  codecommit ", error.ToString(), StringComparison.Ordinal);
    }
}
