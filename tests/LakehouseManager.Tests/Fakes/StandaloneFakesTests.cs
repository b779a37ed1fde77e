using System.Net;
using System.Net.Sockets;
using CliWrap;
using CliWrap.EventStream;
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

    [Theory(Timeout = 60_000)]
    [InlineData("iceberg-rest")]
    [InlineData("codecommit")]
    public async Task A_fake_stops_on_SIGTERM_as_kill_or_a_service_manager_stops_it(string verb)
    {
        var fakes = Path.Combine(AppContext.BaseDirectory, "LakehouseManager.Fakes.dll");
        var command = Cli.Wrap("dotnet").WithArguments(["exec", fakes, verb, "--port", "0"]).WithValidation(CommandResultValidation.None);
        // A fake that ignores SIGTERM is killed when this runs out, and the test fails on the cancellation.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int? processId = null;
        int? exitCode = null;
        var signalled = false;

        await foreach (var @event in command.ListenAsync(deadline.Token))
        {
            switch (@event)
            {
                case StartedCommandEvent started:
                    processId = started.ProcessId;
                    break;
                case StandardOutputCommandEvent when !signalled:
                    // Its first line says it is listening.
                    signalled = true;
                    await Cli.Wrap("kill").WithArguments(["-TERM", $"{processId}"]).ExecuteAsync();
                    break;
                case ExitedCommandEvent exited:
                    exitCode = exited.ExitCode;
                    break;
            }
        }

        Assert.True(signalled, "the fake printed nothing");
        Assert.Equal(0, exitCode);
    }
}
