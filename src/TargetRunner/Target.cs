namespace TargetRunner;

/// <summary>
/// A target, declared as a property of the build: <c>Target Compile => _ => _.DependsOn(Restore).Executes(...)</c>.
/// The delegate receives a fresh definition and returns it configured (Nuke's shape).
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);

/// <summary>A configuration callback in Nuke's shape: receives a value and returns it (possibly changed).</summary>
public delegate T Configure<T>(T value);
