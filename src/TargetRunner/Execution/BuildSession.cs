using System.Linq.Expressions;
using TargetRunner.Definition;
using TargetRunner.Hosts;
using TargetRunner.Output;
using TargetRunner.Parameters;
using TargetRunner.Planning;

namespace TargetRunner.Execution;

/// <summary>
/// One invocation from arguments to exit code: built-in parameters, root, host, the build instance and its
/// targets, <c>--help</c>, the build's parameters, the plan (<c>--plan</c>), execution and the summary.
/// </summary>
internal sealed class BuildSession<T>
    where T : NukeBuild, new()
{
    private readonly RunSettings _settings;
    private readonly RunContext _context;
    private readonly Action<string> _registerSecret;
    private readonly Expression<Func<T, Target>>[] _defaultTargets;

    // Absolute once, because relative path parameters from the command line and the environment resolve against it.
    private readonly string _workingDirectory;

    public BuildSession(RunSettings settings, RunContext context, Action<string> registerSecret, Expression<Func<T, Target>>[] defaultTargets)
    {
        _settings = settings;
        _context = context;
        _registerSecret = registerSecret;
        _defaultTargets = defaultTargets;
        _workingDirectory = Path.GetFullPath(settings.WorkingDirectory);
    }

    private RunLog Log => _context.Log;

    public async Task<int> RunAsync()
    {
        var arguments = ParsedArguments.Parse(_settings.Arguments);
        var environment = new EnvironmentLookup(_settings.Environment);
        var builtIns = BindBuiltIns(arguments, environment);
        Log.Verbosity = builtIns.Verbosity;

        var rootGiven = arguments.TryGet(nameof(BuiltInParameters.Root), out var rootValues);
        var root = RootDirectoryLocator.Locate(rootGiven, rootValues.FirstOrDefault(), _workingDirectory, _settings.RootDirectory);
        _context.RootDirectory = root;
        _context.Host = HostDetector.Detect(builtIns.Host, _settings.Environment);
        _context.BuildAssemblyDirectory = AbsolutePath.Create(_settings.BuildAssemblyDirectory ?? AppContext.BaseDirectory);
        Log.Colors = _context.Host is Terminal && _settings.IsConsole && !_settings.Environment.ContainsKey("NO_COLOR");

        // Field initializers may read Host, IsLocalBuild or RootDirectory, so the build is created only now.
        var build = new T();
        var parameters = ParameterMember.Discover(typeof(T));
        foreach (var secret in parameters.Where(p => p.IsSecret).Select(p => p.GetValue(build)).OfType<string>())
        {
            _registerSecret(secret);
        }

        var targets = TargetFactory.Create(build);
        MarkDefaults(targets);
        if (builtIns.Help)
        {
            WriteHelp(targets, parameters, build, root);
            return 0;
        }

        if (!BindParameters(build, parameters, arguments, environment, root, builtIns.Profile ?? [], out var sources))
        {
            // The rejected values are reported; the targets' first steps still run (a target may owe them to every run).
            PlanOnRejectedParameters(build, targets, builtIns, arguments);
            return -1;
        }

        var requested = SplitTargets(builtIns.Target ?? arguments.Positional);
        if (builtIns.Target is not null && requested.Count == 0)
        {
            throw TargetNames.MissingTarget(targets);
        }

        var invoked = requested.Count > 0 ? TargetNames.Resolve(requested, targets) : targets.Where(t => t.IsDefault).ToList();
        if (invoked.Count == 0)
        {
            WriteHelp(targets, parameters, build, root);
            return 0;
        }

        invoked.ForEach(t => t.IsInvoked = true);
        var plan = ExecutionPlanner.Plan(invoked);
        plan.ForEach(t => t.Status = ExecutionStatus.Scheduled);
        var skip = builtIns.Skip is null ? null : TargetNames.Resolve(SplitTargets(builtIns.Skip), targets);
        Skipping.ApplySkipArgument(plan, skip);
        if (builtIns.Plan)
        {
            Log.WriteRaw(PlanText.Render(plan));
            return 0;
        }

        build.ScheduledTargets = plan.Select(t => t.Name).ToList();
        build.OnBuildPlanned();
        return await ExecuteAsync(build, invoked, plan, () => RequirementChecker.Check(plan, parameters, sources), builtIns.NoLogo)
            .ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(
        T build,
        List<ExecutableTarget> invoked,
        List<ExecutableTarget> plan,
        Func<List<string>> checkRequirements,
        bool noLogo)
    {
        if (!noLogo && Log.IsEnabled(LogLevel.Information))
        {
            Log.WriteRaw(Banners.Logo);
        }

        build.InvokedTargets = invoked.Select(t => t.Name).ToList();
        build.ScheduledTargets = plan.Select(t => t.Name).ToList();
        var executor = new PlanExecutor(_context, _settings.TimeProvider, _settings.CancellationToken);
        var succeeded = await executor.RunAsync(build, plan, checkRequirements).ConfigureAwait(false);

        var issues = Log.Issues;
        if (issues.Count > 0)
        {
            Log.WriteRaw(Banners.ErrorsAndWarnings(issues, Log.Colors));
        }
        else
        {
            Log.WriteRaw(Environment.NewLine);
        }

        Log.WriteRaw(SummaryTable.Render(plan, Log.Colors));
        Log.WriteRaw(Banners.Outcome(succeeded, _settings.TimeProvider.GetLocalNow()));
        return build.ExitCode ?? (succeeded ? 0 : -1);
    }

    /// <summary>
    /// After a parameter was rejected: plans the requested targets as a valid run would and calls
    /// <see cref="NukeBuild.OnBuildPlanned"/>; nothing when the targets cannot be planned or the run only asks for help or
    /// the plan.
    /// </summary>
    private void PlanOnRejectedParameters(T build, List<ExecutableTarget> targets, BuiltInParameters builtIns, ParsedArguments arguments)
    {
        if (builtIns.Help || builtIns.Plan)
        {
            return;
        }

        List<ExecutableTarget> plan;
        try
        {
            var requested = SplitTargets(builtIns.Target ?? arguments.Positional);
            var invoked = requested.Count > 0 ? TargetNames.Resolve(requested, targets) : targets.Where(t => t.IsDefault).ToList();
            plan = ExecutionPlanner.Plan(invoked);
        }
        catch (BuildException)
        {
            return;
        }

        build.ScheduledTargets = plan.Select(t => t.Name).ToList();
        build.OnBuildPlanned();
    }

    private BuiltInParameters BindBuiltIns(ParsedArguments arguments, EnvironmentLookup environment)
    {
        var builtIns = new BuiltInParameters();
        var binder = new ParameterBinder(arguments, environment, files: null, _workingDirectory, _workingDirectory, _registerSecret, Warn);
        foreach (var member in ParameterMember.Discover(typeof(BuiltInParameters)).Where(m => m.Name != nameof(BuiltInParameters.Root)))
        {
            binder.Bind(builtIns, member, BuiltInParameters.EnvironmentBindingOf(member.Name));
        }

        return binder.Errors.Count == 0 ? builtIns : throw new BuildException(string.Join(Environment.NewLine, binder.Errors));
    }

    private bool BindParameters(
        T build,
        List<ParameterMember> parameters,
        ParsedArguments arguments,
        EnvironmentLookup environment,
        AbsolutePath root,
        IReadOnlyList<string> profiles,
        out IReadOnlyDictionary<ParameterMember, string> sources)
    {
        var files = ParameterFiles.Load(root, profiles);
        var binder = new ParameterBinder(arguments, environment, files, _workingDirectory, root, _registerSecret, Warn);
        parameters.ForEach(p => binder.Bind(build, p));
        sources = binder.Sources;
        _context.ParameterOrigins = binder.Sources
            .Where(s => s.Value != ParameterBinder.CommandLine)
            .Select(s => new ParameterOrigin(s.Key.CliName, s.Value))
            .ToList();
        var errors = binder.Errors.ToList();
        var known = parameters.Select(p => p.CliName).Concat(BuiltInNames()).Order(StringComparer.Ordinal);
        errors.AddRange(arguments.Unconsumed.Select(a =>
            $"Unknown argument '{a}'. Available parameters are: {string.Join(", ", known)}."));
        foreach (var key in files.Unconsumed)
        {
            Warn($"Unknown parameter {key}; it is ignored.");
        }

        foreach (var (parameter, source) in binder.Sources)
        {
            var value = parameter.IsSecret ? RedactingWriter.Mask : ValueText.Format(parameter.GetValue(build));
            Log.Write(LogLevel.Debug, $"Parameter {parameter.Name} = {value} (from {source})");
        }

        errors.ForEach(e => Log.Write(LogLevel.Error, e));
        return errors.Count == 0;
    }

    private void MarkDefaults(List<ExecutableTarget> targets)
    {
        foreach (var expression in _defaultTargets)
        {
            var name = expression.Body is MemberExpression member
                ? member.Member.Name
                : throw new BuildException($"Default target '{expression}' must be a Target property, like x => x.Compile.");
            targets.First(t => t.Name == name).IsDefault = true;
        }
    }

    private void WriteHelp(List<ExecutableTarget> targets, List<ParameterMember> parameters, T build, AbsolutePath root)
    {
        var builtIns = ParameterMember.Discover(typeof(BuiltInParameters));
        Log.WriteRaw(HelpBuilder.Render(targets, parameters, build, builtIns, root));
    }

    private void Warn(string message) => Log.Write(LogLevel.Warning, message);

    private static List<string> SplitTargets(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static IEnumerable<string> BuiltInNames() =>
        ParameterMember.Discover(typeof(BuiltInParameters)).Select(p => p.CliName);
}
