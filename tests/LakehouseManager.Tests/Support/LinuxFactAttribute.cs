using Xunit;

namespace LakehouseManager.Tests.Support;

/// <summary>A fact that reads Linux's <c>/proc</c> or sends POSIX signals; skipped elsewhere.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "It needs Linux (/proc, process groups).";
        }
    }
}
