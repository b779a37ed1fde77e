using System.Net;
using System.Net.Sockets;
using System.Text;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>The fake's standalone mode, run in-process: seeded catalog, printed URLs, counts at the end.</summary>
public sealed class StandaloneNessieTests
{
    [Fact(Timeout = 60_000)]
    public async Task The_standalone_fake_prints_the_arguments_of_each_catalog_kind_and_the_request_counts_when_stopped()
    {
        var port = FreePort();
        var dremioPort = FreePort();
        var output = new LineSignallingWriter("Ctrl-C stops the fakes");
        using var stop = new CancellationTokenSource();
        var run = StandaloneNessie.RunAsync(
            new StandaloneNessieOptions { Port = port, DremioPort = dremioPort, Views = 5, Token = "standalone-token" },
            output, stop.Token);
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(50));
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", "standalone-token");
            await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/v2/trees/main"));
        }

        await stop.CancelAsync();
        var exitCode = await run;

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("Seeded 5 views in 1 namespaces on 'main'", text, StringComparison.Ordinal);
        Assert.Contains($"--nessie-url http://127.0.0.1:{port}/api/v2", text, StringComparison.Ordinal);
        Assert.Contains("export DREMIO_PAT=standalone-token", text, StringComparison.Ordinal);
        Assert.Contains($"--catalog dremio        --dremio-url http://127.0.0.1:{dremioPort} --catalog-name lakehouse", text, StringComparison.Ordinal);
        Assert.Contains(
            $"--catalog dremio-cloud  --project-id 48ca6975-39ad-47cb-9bb5-de73060380f6 --dremio-url http://127.0.0.1:{dremioPort} " +
            $"--nessie-url http://127.0.0.1:{port}/repositories/5f2a9c3e-1b7d-4c8e-9a6f-2d4b8e1c7a90/api/v2 --catalog-name lakehouse",
            text, StringComparison.Ordinal);
        Assert.Contains("       1  GET trees/{ref}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--views" }, "--views needs a value.")]
    [InlineData(new[] { "--views", "many" }, "--views needs a whole number of at least 0, not 'many'.")]
    [InlineData(new[] { "--port", "0" }, "--port needs a whole number of at least 1, not '0'.")]
    [InlineData(new[] { "--colour" }, "Unknown option '--colour'.")]
    public void Bad_options_say_what_is_wrong(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => StandaloneNessieOptions.Parse(args));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Options_parse_into_their_values()
    {
        var options = StandaloneNessieOptions.Parse(["--port", "19200", "--views", "10000", "--spec-version", "2.1.3", "--latency-ms", "50"]);

        Assert.Equal(
            new StandaloneNessieOptions { Port = 19200, Views = 10000, SpecVersion = "2.1.3", Latency = TimeSpan.FromMilliseconds(50) },
            options);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Collects the output and completes <see cref="Seen"/> once a line holds the awaited text.</summary>
    private sealed class LineSignallingWriter(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Task WriteLineAsync(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            if (value?.Contains(awaited, StringComparison.Ordinal) == true)
            {
                _seen.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
