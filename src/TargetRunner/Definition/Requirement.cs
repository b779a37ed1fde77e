using System.Reflection;

namespace TargetRunner.Definition;

/// <summary>
/// A <c>Requires</c> clause. <see cref="Member"/> is set when the clause names a member of the build (a parameter),
/// so the error can say how to set it.
/// </summary>
internal sealed record Requirement(string Text, MemberInfo? Member, Func<bool> IsMet);
