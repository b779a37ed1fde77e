using System.Globalization;

namespace LakehouseManager.Processes;

/// <summary>Builds an argument list, one element per argument: values are never split or re-quoted by a shell.</summary>
public sealed class ArgumentsBuilder
{
    private readonly List<CommandArgument> _arguments = [];

    /// <summary>Adds one argument as is.</summary>
    public ArgumentsBuilder Add(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _arguments.Add(new CommandArgument(value));
        return this;
    }

    /// <summary>Adds several arguments, in order.</summary>
    public ArgumentsBuilder Add(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(value);
        }

        return this;
    }

    /// <summary>Adds a number, formatted with the invariant culture.</summary>
    public ArgumentsBuilder Add(int value) => Add(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds an argument that is masked in display strings and redacted from error messages.</summary>
    public ArgumentsBuilder AddSensitive(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _arguments.Add(new CommandArgument(value, IsSensitive: true));
        return this;
    }

    /// <summary>Adds an argument that is already described (for copying arguments between commands).</summary>
    public ArgumentsBuilder Add(CommandArgument argument)
    {
        ArgumentNullException.ThrowIfNull(argument.Value);
        _arguments.Add(argument);
        return this;
    }

    internal IReadOnlyList<CommandArgument> Build() => _arguments;
}
