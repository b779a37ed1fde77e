namespace TargetRunner.Parameters;

/// <summary>
/// Binds parameters from, highest first: the command line, environment variables, the parameter files; a parameter
/// found nowhere keeps its initializer value. Secret values are handed to <c>registerSecret</c> before anything
/// could print them. Conversion errors are collected so that one run reports them all. A relative path is resolved
/// as in Nuke: against the working directory when typed (command line, environment), against the root directory
/// when it comes from a checked-in parameters file.
/// </summary>
internal sealed class ParameterBinder
{
    private readonly ParsedArguments _arguments;
    private readonly EnvironmentLookup _environment;
    private readonly ParameterFiles? _files;
    private readonly string _workingDirectory;
    private readonly string _rootDirectory;
    private readonly Action<string> _registerSecret;
    private readonly Action<string> _warn;

    public ParameterBinder(
        ParsedArguments arguments,
        EnvironmentLookup environment,
        ParameterFiles? files,
        string workingDirectory,
        string rootDirectory,
        Action<string> registerSecret,
        Action<string> warn)
    {
        _arguments = arguments;
        _environment = environment;
        _files = files;
        _workingDirectory = workingDirectory;
        _rootDirectory = rootDirectory;
        _registerSecret = registerSecret;
        _warn = warn;
    }

    /// <summary>The source of a value typed on the command line.</summary>
    public const string CommandLine = "the command line";

    /// <summary>Where each bound parameter's value came from, for the debug log.</summary>
    public Dictionary<ParameterMember, string> Sources { get; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>Binds one parameter; <paramref name="environment"/> narrows the variables a built-in binds from.</summary>
    public void Bind(object target, ParameterMember parameter, EnvironmentBinding environment = EnvironmentBinding.Any)
    {
        if (!TryFind(parameter, environment, out var values, out var source, out var baseDirectory))
        {
            return;
        }

        if (parameter.IsSecret)
        {
            foreach (var value in values)
            {
                _registerSecret(value);
            }
        }

        try
        {
            parameter.SetValue(target, ValueConverter.Convert(parameter, values, baseDirectory));
            Sources[parameter] = source;
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException or ArgumentException or NotSupportedException)
        {
            var shown = parameter.IsSecret ? "***" : string.Join(' ', values);
            var reason = exception is FormatException ? exception.Message : $"expected {Describe(parameter)}";
            Errors.Add($"Cannot convert value '{shown}' of parameter '{parameter.Name}' ({parameter.CliName}, from {source}): {reason}.");
        }
    }

    private bool TryFind(
        ParameterMember parameter,
        EnvironmentBinding environment,
        out IReadOnlyList<string> values,
        out string source,
        out string baseDirectory)
    {
        baseDirectory = _workingDirectory;
        if (_arguments.TryGet(parameter.Name, out values))
        {
            source = CommandLine;
            return true;
        }

        source = string.Empty;
        if (environment == EnvironmentBinding.None)
        {
            return false;
        }

        var matches = _environment.Find(parameter.Name, nukePrefixOnly: environment == EnvironmentBinding.NukePrefixOnly);
        if (matches.Count > 1)
        {
            _warn($"Could not resolve parameter '{parameter.Name}' from the environment since multiple variables "
                + $"are provided: {string.Join(", ", matches)}. Ignoring them; set only one.");
        }
        else if (matches.Count == 1 && FromEnvironment(parameter, _environment[matches[0]]) is { } environmentValues)
        {
            values = environmentValues;
            source = $"environment variable {matches[0]}";
            return true;
        }

        if (_files is not null && _files.TryGet(parameter.Name, out values, out source))
        {
            baseDirectory = _rootDirectory;
            return true;
        }

        return false;
    }

    /// <summary>An empty variable means false for a bool and "not set" for anything else.</summary>
    private static List<string>? FromEnvironment(ParameterMember parameter, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return parameter.IsBool ? ["false"] : null;
        }

        return [value];
    }

    /// <summary>What the parameter takes, in words (never a .NET type name).</summary>
    private static string Describe(ParameterMember parameter) =>
        ValueConverter.EnumValues(parameter.ValueType) is { } names
            ? $"one of {string.Join(", ", names)}"
            : parameter.ElementType == typeof(bool) ? "true or false"
            : parameter.ElementType == typeof(string) ? "text"
            : parameter.ElementType == typeof(AbsolutePath) ? "a path"
            : parameter.ElementType.IsPrimitive || parameter.ElementType == typeof(decimal) ? ValueConverter.NumberKind(parameter.ElementType)
            : "a value of the kind its description says";
}
