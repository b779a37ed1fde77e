namespace TargetRunner.Output;

/// <summary>One parameter as <c>--help</c> shows it: its kebab name and its full text (description, values, default).</summary>
internal sealed record ParameterHelp(string KebabName, string Text);
