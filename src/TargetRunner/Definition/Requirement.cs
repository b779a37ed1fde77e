using System.Reflection;

namespace TargetRunner.Definition;

/// <summary>
/// A <c>Requires</c> clause. <see cref="Member"/> is set when the clause names a member of the build (a parameter),
/// so the error can say how to set it.
/// </summary>
internal sealed record Requirement(string Text, MemberInfo? Member, Func<bool> IsMet)
{
    /// <summary>
    /// For a validation (<c>Requires(() =&gt; P, isValid, "…")</c>): what is valid, completing "to be …". Null for
    /// "is set" and for plain conditions.
    /// </summary>
    public string? ValidValues { get; init; }

    /// <summary>For a validation: reads the value, so the error can show it.</summary>
    public Func<object?>? ReadValue { get; init; }
}
