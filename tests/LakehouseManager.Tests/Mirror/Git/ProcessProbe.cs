using System.Globalization;

namespace LakehouseManager.Tests.Mirror.Git;

/// <summary>What the tests need to know about a real process: whether it is gone, and waiting for that.</summary>
internal static class ProcessProbe
{
    /// <summary>Whether the process is gone or a zombie (killed, not yet reaped by its new parent).</summary>
    public static bool IsGone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is "Z" or "X";
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>
    /// Waits until the operating system has ended the process (a kill is carried out asynchronously); false when it
    /// is still there after a couple of seconds.
    /// </summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 100 && !IsGone(pid); attempt++)
        {
            await Task.Delay(20);
        }

        return IsGone(pid);
    }

    /// <summary>Ends a process a test started (through git) and left behind on purpose.</summary>
    public static void Kill(int pid)
    {
        if (pid <= 0)
        {
            return;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
