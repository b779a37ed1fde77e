using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Text;

namespace LakehouseManager.Processes;

/// <summary>
/// An immutable description of a process to run: every <c>With...</c> method returns a new command, so a configured
/// command can be shared and specialised freely. Arguments are a list, never a shell string. By default a non-zero
/// exit code raises <see cref="CommandExecutionException"/>.
/// </summary>
public sealed partial class Command
{
    private static readonly UTF8Encoding s_inputEncoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Command(string targetFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetFilePath);
        TargetFilePath = targetFilePath;
    }

    /// <summary>The executable: a name looked up on PATH, or a path.</summary>
    public string TargetFilePath { get; private set; }

    public ImmutableArray<CommandArgument> Arguments { get; private set; } = [];

    /// <summary>The working directory, or null for the current directory.</summary>
    public string? WorkingDirectory { get; private set; }

    /// <summary>Changes to the inherited environment: variables set, or removed when the value is null.</summary>
    public ImmutableArray<CommandEnvironmentVariable> EnvironmentVariables { get; private set; } = [];

    /// <summary>How long the process may run before its process tree is killed; null for no limit.</summary>
    public TimeSpan? Timeout { get; private set; }

    /// <summary>The bytes written to the process's standard input, which is then closed (empty by default).</summary>
    public ReadOnlyMemory<byte> StandardInput { get; private set; }

    public CommandResultValidation Validation { get; private set; } = CommandResultValidation.ZeroExitCode;

    /// <summary>The clock for the timeout and the start/exit times, so tests can use a fake one.</summary>
    public TimeProvider TimeProvider { get; private set; } = TimeProvider.System;

    [Pure]
    public Command WithTargetFile(string targetFilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetFilePath);
        return Copy(c => c.TargetFilePath = targetFilePath);
    }

    /// <summary>Replaces the arguments with the ones the builder adds.</summary>
    [Pure]
    public Command WithArguments(Action<ArgumentsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ArgumentsBuilder();
        configure(builder);
        return Copy(c => c.Arguments = [.. builder.Build()]);
    }

    /// <summary>Replaces the arguments with this list, one element per argument.</summary>
    [Pure]
    public Command WithArguments(IEnumerable<string> arguments) => WithArguments(a => a.Add(arguments));

    /// <summary>Sets the working directory (null: the current directory).</summary>
    [Pure]
    public Command WithWorkingDirectory(string? workingDirectory) =>
        Copy(c => c.WorkingDirectory = string.IsNullOrEmpty(workingDirectory) ? null : workingDirectory);

    /// <summary>Replaces the environment changes with the ones the builder makes.</summary>
    [Pure]
    public Command WithEnvironmentVariables(Action<EnvironmentVariablesBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new EnvironmentVariablesBuilder();
        configure(builder);
        return Copy(c => c.EnvironmentVariables = [.. builder.Build()]);
    }

    /// <summary>Replaces the environment changes: a null value removes the variable.</summary>
    [Pure]
    public Command WithEnvironmentVariables(IEnumerable<KeyValuePair<string, string?>> variables) =>
        WithEnvironmentVariables(e => e.Set(variables));

    /// <summary>Sets the timeout (null: none). On timeout the process tree is killed and
    /// <see cref="CommandTimeoutException"/> is raised.</summary>
    [Pure]
    public Command WithTimeout(TimeSpan? timeout)
    {
        if (timeout is { } value && value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A timeout must be positive.");
        }

        return Copy(c => c.Timeout = timeout == System.Threading.Timeout.InfiniteTimeSpan ? null : timeout);
    }

    /// <summary>Writes the text (UTF-8, no byte order mark) to the process's standard input.</summary>
    [Pure]
    public Command WithStandardInput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = s_inputEncoding.GetBytes(text);
        return Copy(c => c.StandardInput = bytes);
    }

    /// <summary>Writes the bytes to the process's standard input.</summary>
    [Pure]
    public Command WithStandardInput(ReadOnlyMemory<byte> bytes)
    {
        var copy = bytes.ToArray();
        return Copy(c => c.StandardInput = copy);
    }

    [Pure]
    public Command WithValidation(CommandResultValidation validation)
    {
        if (!Enum.IsDefined(validation))
        {
            throw new ArgumentOutOfRangeException(nameof(validation), validation, "Unknown validation.");
        }

        return Copy(c => c.Validation = validation);
    }

    [Pure]
    public Command WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Copy(c => c.TimeProvider = timeProvider);
    }

    /// <summary>The command line for display: sensitive arguments are masked, environment values are left out.</summary>
    public override string ToString() => CommandLineFormatter.Format(TargetFilePath, Arguments);

    /// <summary>Replaces every sensitive argument or environment value in the text with a mask.</summary>
    internal string Redact(string text)
    {
        var secrets = Arguments.Where(a => a.IsSensitive).Select(a => a.Value)
            .Concat(EnvironmentVariables.Where(v => v.IsSensitive && v.Value is not null).Select(v => v.Value!))
            .Where(s => s.Length > 0)
            .OrderByDescending(s => s.Length);
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, CommandLineFormatter.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    // The clone is private and mutated before anyone else sees it, so instances stay immutable from the outside.
    private Command Copy(Action<Command> change)
    {
        var copy = (Command)MemberwiseClone();
        change(copy);
        return copy;
    }
}
