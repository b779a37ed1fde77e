namespace TargetRunner.Definition;

/// <summary>A target of one run: its resolved relations and its state while the plan executes.</summary>
internal sealed class ExecutableTarget
{
    public ExecutableTarget(string name, int declarationIndex, TargetDefinition definition)
    {
        Name = name;
        DeclarationIndex = declarationIndex;
        Definition = definition;
    }

    public string Name { get; }

    public int DeclarationIndex { get; }

    public TargetDefinition Definition { get; }

    public string? Description => Definition.DescriptionText;

    public bool IsListed => !Definition.IsUnlisted;

    public bool IsDefault { get; set; }

    public bool IsInvoked { get; set; }

    /// <summary>Targets that must run before this one and are pulled into the plan by it.</summary>
    public List<ExecutableTarget> ExecutionDependencies { get; } = [];

    /// <summary>Targets that must run before this one if they are scheduled too (<c>After</c>/<c>Before</c>).</summary>
    public List<ExecutableTarget> OrderDependencies { get; } = [];

    /// <summary>Targets that trigger this one; it runs after them.</summary>
    public List<ExecutableTarget> TriggerDependencies { get; } = [];

    /// <summary>Targets this one triggers.</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public ExecutionStatus Status { get; set; }

    public string? SkipReason { get; set; }

    public TimeSpan Duration { get; set; }

    public Exception? Failure { get; set; }

    /// <summary>The notes shown after the target's row in the summary (<c>ReportSummary</c>).</summary>
    public Dictionary<string, string> SummaryInformation { get; } = [];

    public override string ToString() => Name;
}
