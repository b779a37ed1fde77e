namespace TargetRunner.Definition;

/// <summary>An <c>OnlyWhen</c> condition with its source text, which is the skip reason users see.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text);
