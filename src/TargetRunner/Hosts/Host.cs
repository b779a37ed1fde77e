namespace TargetRunner.Hosts;

/// <summary>
/// Where the build runs. The first CI host whose marker variable is present wins, else <see cref="Terminal"/>;
/// <c>--host &lt;Name&gt;</c> forces one. CI hosts log plain, uncoloured lines and never prompt.
/// </summary>
public abstract class Host
{
    private protected Host(IReadOnlyDictionary<string, string> environment)
    {
        Environment = environment;
    }

    /// <summary>The host's name, as accepted by <c>--host</c>.</summary>
    public string Name => GetType().Name;

    private protected IReadOnlyDictionary<string, string> Environment { get; }

    private protected string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public override string ToString() => Name;
}
