namespace TargetRunner.Hosts;

/// <summary>A developer's terminal: block headers, colours on a real console (unless <c>NO_COLOR</c> is set).</summary>
public sealed class Terminal : Host
{
    internal Terminal(IReadOnlyDictionary<string, string> environment)
        : base(environment)
    {
    }
}
