using System.Globalization;

namespace LakehouseManager.Benchmarks;

/// <summary>A benchmark's options, <c>--name value</c> pairs; an unknown or malformed one is an error listing the valid ones.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchmarkArguments(IReadOnlyList<string> args, params string[] validOptions)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!validOptions.Contains(name, StringComparer.Ordinal))
            {
                throw new BenchmarkArgumentException(
                    $"Unknown option '{name}'. Options are: {string.Join(", ", validOptions)} (each followed by a value).");
            }

            if (i + 1 >= args.Count)
            {
                throw new BenchmarkArgumentException($"Option '{name}' needs a value.");
            }

            _values[name] = args[++i];
        }
    }

    /// <summary>The option's value as a whole number of at least <paramref name="minimum"/>, or the default.</summary>
    public int Int(string name, int defaultValue, int minimum)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new BenchmarkArgumentException($"Option '{name}' must be a whole number of at least {minimum}, not '{text}'.");
    }
}

/// <summary>Bad benchmark options: printed without a stack trace, exit code 2.</summary>
internal sealed class BenchmarkArgumentException(string message) : Exception(message);
