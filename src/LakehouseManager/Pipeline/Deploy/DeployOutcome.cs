using LakehouseManager.Deployment;

namespace LakehouseManager.Pipeline.Deploy;

/// <summary>What Deploy found and did: one change per resource; nothing was called when <see cref="Applied"/> is false.</summary>
public sealed record DeployOutcome(IReadOnlyList<StackChange> Changes, bool Applied)
{
    /// <summary>Whether every resource already was as defined.</summary>
    public bool Unchanged => Changes.All(c => c.Kind == StackChangeKind.None);

    public string Summary => Unchanged
        ? $"Nothing to change: the project and its {Changes.Count - 1} rules are as defined."
        : $"{Changes.Count(c => c.Kind != StackChangeKind.None)} of {Changes.Count} resources {(Applied ? "were" : "would be")} created or updated.";
}
