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

/// <summary>A theory that reads Linux's <c>/proc</c> or sends POSIX signals; skipped elsewhere.</summary>
internal sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "It needs Linux (/proc, process groups).";
        }
    }
}
