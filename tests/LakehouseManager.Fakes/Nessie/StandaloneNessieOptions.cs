using System.Globalization;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>The command line of the standalone Nessie fake.</summary>
public sealed record StandaloneNessieOptions
{
    public int Port { get; init; } = 19120;

    /// <summary>The Dremio fake's port; 0: the Nessie port + 1.</summary>
    public int DremioPort { get; init; }

    public int Views { get; init; } = 1000;

    public string SpecVersion { get; init; } = "2.2.0";

    /// <summary>The bearer token both fakes accept (also the Dremio PAT).</summary>
    public string Token { get; init; } = "lakehouse-fake-pat";

    /// <summary>The Dremio source the catalog is served as.</summary>
    public string Source { get; init; } = "lakehouse";

    public TimeSpan Latency { get; init; }

    public static StandaloneNessieOptions Parse(IReadOnlyList<string> args)
    {
        var options = new StandaloneNessieOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number(int min) => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a whole number of at least {min}, not '{args[i]}'.");
            options = args[i] switch
            {
                "--port" => options with { Port = Number(1) },
                "--dremio-port" => options with { DremioPort = Number(1) },
                "--views" => options with { Views = Number(0) },
                "--spec-version" => options with { SpecVersion = Value() },
                "--token" => options with { Token = Value() },
                "--source" => options with { Source = Value() },
                "--latency-ms" => options with { Latency = TimeSpan.FromMilliseconds(Number(0)) },
                var other => throw new ArgumentException($"Unknown option '{other}'."),
            };
        }

        return options;
    }
}
