namespace TargetRunner;

/// <summary>What happens to a target's execution dependencies when the target itself is skipped.</summary>
public enum DependencyBehavior
{
    /// <summary>Skip the dependencies too, unless another scheduled target still needs them (the default).</summary>
    Skip,

    /// <summary>Run the dependencies anyway.</summary>
    Execute,
}
