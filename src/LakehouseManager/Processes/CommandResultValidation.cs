namespace LakehouseManager.Processes;

/// <summary>What counts as a failed run.</summary>
public enum CommandResultValidation
{
    /// <summary>Any exit code is returned to the caller as data.</summary>
    None,

    /// <summary>A non-zero exit code raises <see cref="CommandExecutionException"/> (the default).</summary>
    ZeroExitCode,
}
