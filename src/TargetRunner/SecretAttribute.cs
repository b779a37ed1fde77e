namespace TargetRunner;

/// <summary>
/// Marks a parameter as a secret: once bound, its value is replaced by <c>***</c> in everything the build writes
/// (logs, console output of targets and tools, exception messages, the summary).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
