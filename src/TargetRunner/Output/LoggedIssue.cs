namespace TargetRunner.Output;

/// <summary>A warning or error, kept for the "Errors &amp; Warnings" block at the end of the run.</summary>
internal sealed record LoggedIssue(LogLevel Level, string? Target, string Message);
