using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Aws;
using Xunit;

namespace LakehouseManager.Tests.Aws.Moto;

/// <summary>
/// moto's server (<c>python3 -m moto.server -H 127.0.0.1 -p PORT</c>), an independent implementation of Secrets
/// Manager, CodeBuild, EventBridge, S3 and IAM: started once per test collection, awaited until it answers, stopped at
/// the end. Without moto the collection fails with how to install it.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>moto's version, e.g. 5.2.1.</summary>
    public string Version { get; private set; } = "";

    /// <summary>A connection to moto in us-east-1 with moto's conventional dummy keys.</summary>
    internal AwsConnection Connection(HttpMessageHandler? handler = null) =>
        new(AwsSettings.For("us-east-1", Endpoint), AwsCredentialSource.Fixed(new BasicAWSCredentials("testing", "testing")))
        {
            Handler = handler,
            Resilience = AwsTestKit.OneQuickRetry,
        };

    public async Task InitializeAsync()
    {
        var check = await Cli.Wrap("python3").WithArguments(["-c", "import moto.server; print(moto.__version__)"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(Timeout(60));
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException(
                "moto's server is not installed for python3: run `pip install 'moto[server]==5.2.1'` (the AWS tests start " +
                $"`python3 -m moto.server`). python3 said: {check.StandardError.Trim()}");
        }

        Version = check.StandardOutput.Trim();
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m moto.server did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto's server exited ({_process.ExitCode}): {Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up.
            }

            // Waiting for another process to listen: there is nothing to advance but real time.
            await Task.Delay(100);
        }

        throw new InvalidOperationException($"moto's server did not answer on {Endpoint} within 60 s: {Output()}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A token that stops the process after so many seconds.</summary>
    private static CancellationToken Timeout(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}

/// <summary>The tests that share one moto server.</summary>
[CollectionDefinition(nameof(MotoCollection))]
public sealed class MotoCollection : ICollectionFixture<MotoServer>;
