using TargetRunner.Definition;

namespace TargetRunner.Planning;

/// <summary>
/// Builds the ordered plan: invoked targets plus their execution dependencies, plus whatever they trigger (repeated
/// until nothing new is triggered), ordered so that every dependency, <c>After</c>/<c>Before</c> relation between
/// scheduled targets and trigger runs first. Ties follow the invocation order, then the declared dependency order.
/// </summary>
internal static class ExecutionPlanner
{
    public static List<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> invoked)
    {
        var rank = new Dictionary<ExecutableTarget, int>();
        var scheduled = new HashSet<ExecutableTarget>();
        foreach (var target in invoked)
        {
            Schedule(target, scheduled, rank);
        }

        bool added;
        do
        {
            added = false;
            foreach (var triggered in scheduled.OrderBy(t => rank[t]).SelectMany(t => t.Triggers).ToList())
            {
                if (!scheduled.Contains(triggered))
                {
                    Schedule(triggered, scheduled, rank);
                    added = true;
                }
            }
        }
        while (added);

        return Order(scheduled, rank);
    }

    private static void Schedule(ExecutableTarget target, HashSet<ExecutableTarget> scheduled, Dictionary<ExecutableTarget, int> rank)
    {
        if (!scheduled.Add(target))
        {
            return;
        }

        foreach (var dependency in target.ExecutionDependencies)
        {
            Schedule(dependency, scheduled, rank);
        }

        rank[target] = rank.Count;
    }

    /// <summary>The targets that must run before <paramref name="target"/> within this plan.</summary>
    public static IEnumerable<ExecutableTarget> Predecessors(ExecutableTarget target, ICollection<ExecutableTarget> scheduled) =>
        target.ExecutionDependencies
            .Concat(target.OrderDependencies.Where(scheduled.Contains))
            .Concat(target.TriggerDependencies.Where(scheduled.Contains))
            .Distinct();

    private static List<ExecutableTarget> Order(HashSet<ExecutableTarget> scheduled, Dictionary<ExecutableTarget, int> rank)
    {
        var predecessors = scheduled.ToDictionary(t => t, t => Predecessors(t, scheduled).ToList());
        var placed = new HashSet<ExecutableTarget>();
        var result = new List<ExecutableTarget>();
        while (result.Count < scheduled.Count)
        {
            var next = scheduled
                .Where(t => !placed.Contains(t) && predecessors[t].All(placed.Contains))
                .OrderBy(t => rank[t])
                .FirstOrDefault();
            if (next is null)
            {
                var remaining = scheduled.Where(t => !placed.Contains(t)).OrderBy(t => rank[t]).ToList();
                throw new BuildException(
                    $"Circular dependencies between targets: {CycleFinder.Describe(remaining, predecessors)}");
            }

            placed.Add(next);
            result.Add(next);
        }

        return result;
    }
}
