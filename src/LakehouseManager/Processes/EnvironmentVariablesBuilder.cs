namespace LakehouseManager.Processes;

/// <summary>Builds the environment changes of a command: variables to set and variables to remove.</summary>
public sealed class EnvironmentVariablesBuilder
{
    private readonly Dictionary<string, CommandEnvironmentVariable> _variables = new(StringComparer.Ordinal);

    /// <summary>Sets a variable; a later call for the same name wins.</summary>
    public EnvironmentVariablesBuilder Set(string name, string value, bool isSensitive = false)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(value);
        _variables[name] = new CommandEnvironmentVariable(name, value, isSensitive);
        return this;
    }

    /// <summary>Sets every pair; a null value removes the variable.</summary>
    public EnvironmentVariablesBuilder Set(IEnumerable<KeyValuePair<string, string?>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables)
        {
            if (value is null)
            {
                Remove(name);
            }
            else
            {
                Set(name, value);
            }
        }

        return this;
    }

    /// <summary>Removes a variable from the environment the child inherits.</summary>
    public EnvironmentVariablesBuilder Remove(string name)
    {
        ValidateName(name);
        _variables[name] = new CommandEnvironmentVariable(name, null);
        return this;
    }

    internal IEnumerable<CommandEnvironmentVariable> Build() => _variables.Values;

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid environment variable name (no '=' or NUL).", nameof(name));
        }
    }
}
