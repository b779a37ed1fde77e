namespace LakehouseManager.Tests.Processes;

/// <summary>Checks on real processes that the cancellation tests need.</summary>
internal static class ProcessTestSupport
{
    /// <summary>Whether the process is gone or a zombie (killed but not yet reaped by its new parent).</summary>
    public static bool IsDead(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
                return state is "Z" or "X";
            }
            catch (IOException)
            {
                return true;
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Waits (briefly) until the process is dead: killing is asynchronous at the OS level.</summary>
    public static async Task<bool> WaitUntilDeadAsync(int pid)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (IsDead(pid))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
