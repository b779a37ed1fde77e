namespace LakehouseManager.Deployment;

/// <summary>What Deploy does to one resource: create it, update it (with what differs), or nothing.</summary>
public enum StackChangeKind
{
    None,
    Create,
    Update,
}

/// <summary>
/// One resource's change: its kind and name (e.g. "CodeBuild project lakehouse-manager"), and for an update each
/// difference in words ("environment variable TESTS_PATH: 'a' → 'b'"). Values are settings, never secrets: the project
/// holds the secret's name, not its value.
/// </summary>
public sealed record StackChange(string Resource, StackChangeKind Kind, IReadOnlyList<string> Differences)
{
    public override string ToString() => Kind switch
    {
        StackChangeKind.None => $"{Resource}: unchanged",
        StackChangeKind.Create => $"{Resource}: create",
        _ => $"{Resource}: update ({string.Join("; ", Differences)})",
    };
}
