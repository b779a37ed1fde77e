using System.Linq.Expressions;
using System.Reflection;

namespace TargetRunner.Definition;

/// <summary>Collects what a target's fluent definition declares; the factory turns it into an executable target.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<Target> DependsOnTargets { get; } = [];

    public List<Target> DependentForTargets { get; } = [];

    public List<Target> AfterTargets { get; } = [];

    public List<Target> BeforeTargets { get; } = [];

    public List<Target> TriggersTargets { get; } = [];

    public List<Target> TriggeredByTargets { get; } = [];

    public List<Condition> StaticConditions { get; } = [];

    public List<Condition> DynamicConditions { get; } = [];

    public List<Requirement> Requirements { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public DependencyBehavior DependencyBehavior { get; private set; }

    public bool IsProceedAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);

    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);

    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? conditionExpression = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        StaticConditions.Add(new Condition(condition, SourceText.OfLambda(conditionExpression)));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? conditionExpression = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        DynamicConditions.Add(new Condition(condition, SourceText.OfLambda(conditionExpression)));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior)
    {
        DependencyBehavior = dependencyBehavior;
        return this;
    }

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
        where T : class? => AddMemberRequirement(parameter);

    public ITargetDefinition Requires<T>(Expression<Func<T?>> parameter)
        where T : struct => AddMemberRequirement(parameter);

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter, Func<T, bool> isValid, string validValues)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(isValid);
        ArgumentException.ThrowIfNullOrWhiteSpace(validValues);
        var (member, text) = MemberOf(parameter);
        var read = parameter.Compile();
        Requirements.Add(new Requirement(text, member, () => isValid(read()))
        {
            ValidValues = validValues,
            ReadValue = () => read(),
        });
        return this;
    }

    public ITargetDefinition Requires(Func<bool> condition, string? conditionExpression = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Requirements.Add(new Requirement(SourceText.OfLambda(conditionExpression), Member: null, condition));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(action);
        return this;
    }

    private TargetDefinition Add(List<Target> list, Target[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        list.AddRange(targets);
        return this;
    }

    private TargetDefinition AddMemberRequirement(LambdaExpression parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var (member, text) = MemberOf(parameter);
        var compiled = parameter.Compile();
        Requirements.Add(new Requirement(text, member, () => IsSet(compiled.DynamicInvoke())));
        return this;
    }

    /// <summary>The field or property <c>() =&gt; Member</c> reads (null for any other expression), and its text.</summary>
    private static (MemberInfo? Member, string Text) MemberOf(LambdaExpression parameter)
    {
        var body = parameter.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : parameter.Body;
        var member = body is MemberExpression { Member: FieldInfo or PropertyInfo } access ? access.Member : null;
        return (member, member?.Name ?? body.ToString());
    }

    private static bool IsSet(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        Array array => array.Length > 0,
        _ => true,
    };
}
