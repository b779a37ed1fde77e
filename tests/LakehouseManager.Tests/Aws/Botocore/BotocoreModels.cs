using System.IO.Compression;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace LakehouseManager.Tests.Aws.Botocore;

/// <summary>
/// botocore's service models (<c>data/&lt;service&gt;/&lt;version&gt;/service-2.json</c>), read at test time: first the
/// copy inside Debian's AWS CLI 2 (<c>apt-get install -y awscli</c>), then the botocore that <c>python3</c> imports
/// (where the file may be gzipped). A missing model fails the test with how to install one.
/// </summary>
internal static class BotocoreModels
{
    /// <summary>Where Debian's awscli package keeps its own botocore.</summary>
    public const string DebianAwsCliData = "/usr/lib/python3/dist-packages/awscli/botocore/data";

    private static readonly Dictionary<string, BotocoreShapeValidator> s_loaded = new(StringComparer.Ordinal);

    /// <summary>The validator of a service's model, e.g. <c>codecommit</c>.</summary>
    public static async Task<BotocoreShapeValidator> LoadAsync(string service)
    {
        lock (s_loaded)
        {
            if (s_loaded.TryGetValue(service, out var cached))
            {
                return cached;
            }
        }

        var folders = new List<string> { DebianAwsCliData };
        if (await PythonBotocoreDataAsync() is { } pythonData)
        {
            folders.Add(pythonData);
        }

        foreach (var folder in folders)
        {
            var serviceFolder = Path.Combine(folder, service);
            if (!Directory.Exists(serviceFolder))
            {
                continue;
            }

            var version = Directory.GetDirectories(serviceFolder).Order(StringComparer.Ordinal).LastOrDefault();
            var file = version is null ? null : new[] { "service-2.json", "service-2.json.gz" }.Select(f => Path.Combine(version, f)).FirstOrDefault(File.Exists);
            if (file is null)
            {
                continue;
            }

            using var stream = File.OpenRead(file);
            using var content = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
            var validator = new BotocoreShapeValidator(JsonDocument.Parse(content).RootElement.Clone(), file);
            lock (s_loaded)
            {
                s_loaded[service] = validator;
            }

            return validator;
        }

        throw new InvalidOperationException(
            $"botocore's model of {service} (data/{service}/<version>/service-2.json) was not found in {string.Join(" or ", folders)}. " +
            "Install the AWS CLI 2 with `apt-get install -y awscli` (it brings its own botocore), or botocore with `pip install botocore`.");
    }

    private static async Task<string?> PythonBotocoreDataAsync()
    {
        try
        {
            var result = await Cli.Wrap("python3")
                .WithArguments(["-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Timeout(30));
            return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or CliWrap.Exceptions.CliWrapException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A token that stops the process after so many seconds.</summary>
    private static CancellationToken Timeout(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
