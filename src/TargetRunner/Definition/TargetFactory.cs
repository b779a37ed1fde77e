using System.Reflection;

namespace TargetRunner.Definition;

/// <summary>Reads the build's <see cref="Target"/> properties and resolves the relations between them.</summary>
internal static class TargetFactory
{
    private const BindingFlags InstanceMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static List<ExecutableTarget> Create(NukeBuild build)
    {
        var properties = GetTargetProperties(build.GetType());
        var byMethod = new Dictionary<MethodInfo, ExecutableTarget>();
        var targets = new List<ExecutableTarget>();
        foreach (var property in properties)
        {
            var factory = (Target?)property.GetValue(build)
                ?? throw new BuildException($"Target property '{property.Name}' returned null.");
            var definition = new TargetDefinition();
            _ = factory(definition);
            var target = new ExecutableTarget(property.Name, targets.Count, definition);
            targets.Add(target);
            byMethod[factory.Method] = target;
        }

        foreach (var target in targets)
        {
            Link(target, byMethod);
        }

        return targets;
    }

    /// <summary>Target properties in declaration order (metadata order, which follows the source files).</summary>
    private static List<PropertyInfo> GetTargetProperties(Type buildType)
    {
        var result = new List<PropertyInfo>();
        for (var type = buildType; type is not null && type != typeof(NukeBuild); type = type.BaseType)
        {
            var declared = type.GetProperties(InstanceMembers | BindingFlags.DeclaredOnly)
                .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken);
            result.InsertRange(0, declared.Where(p => result.All(r => r.Name != p.Name)));
        }

        return result;
    }

    private static void Link(ExecutableTarget target, Dictionary<MethodInfo, ExecutableTarget> byMethod)
    {
        var definition = target.Definition;
        foreach (var other in Resolve(definition.DependsOnTargets, target, byMethod))
        {
            AddOnce(target.ExecutionDependencies, other);
        }

        foreach (var other in Resolve(definition.DependentForTargets, target, byMethod))
        {
            AddOnce(other.ExecutionDependencies, target);
        }

        foreach (var other in Resolve(definition.AfterTargets, target, byMethod))
        {
            AddOnce(target.OrderDependencies, other);
        }

        foreach (var other in Resolve(definition.BeforeTargets, target, byMethod))
        {
            AddOnce(other.OrderDependencies, target);
        }

        foreach (var other in Resolve(definition.TriggersTargets, target, byMethod))
        {
            AddOnce(target.Triggers, other);
            AddOnce(other.TriggerDependencies, target);
        }

        foreach (var other in Resolve(definition.TriggeredByTargets, target, byMethod))
        {
            AddOnce(other.Triggers, target);
            AddOnce(target.TriggerDependencies, other);
        }
    }

    private static IEnumerable<ExecutableTarget> Resolve(
        List<Target> references,
        ExecutableTarget owner,
        Dictionary<MethodInfo, ExecutableTarget> byMethod)
    {
        foreach (var reference in references)
        {
            // A target property returns a new delegate on every call, but always over the same lambda method.
            if (reference is null || !byMethod.TryGetValue(reference.Method, out var target))
            {
                throw new BuildException(
                    $"Target '{owner.Name}' refers to a target that is not a Target property of the build.");
            }

            yield return target;
        }
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
        {
            list.Add(target);
        }
    }
}
