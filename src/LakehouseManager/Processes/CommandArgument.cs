namespace LakehouseManager.Processes;

/// <summary>
/// One argument, passed to the process as is (never through a shell). A sensitive argument (a token, a URL with
/// credentials) is masked in the display string and redacted from error messages.
/// </summary>
public readonly record struct CommandArgument(string Value, bool IsSensitive = false);
