using TargetRunner.Definition;

namespace TargetRunner.Planning;

/// <summary>Names one cycle among targets that could not be ordered.</summary>
internal static class CycleFinder
{
    /// <summary>
    /// Walks from the first remaining target to one of its unplaced predecessors until a target repeats, and returns
    /// the cycle as <c>A -> B -> A</c>, read as "A runs after B, which runs after A".
    /// </summary>
    public static string Describe(
        IReadOnlyList<ExecutableTarget> remaining,
        IReadOnlyDictionary<ExecutableTarget, List<ExecutableTarget>> predecessors)
    {
        var path = new List<ExecutableTarget>();
        var current = remaining[0];
        while (!path.Contains(current))
        {
            path.Add(current);
            current = predecessors[current].First(remaining.Contains);
        }

        var cycle = path.Skip(path.IndexOf(current)).Append(current).Select(t => t.Name);
        return string.Join(" -> ", cycle);
    }
}
