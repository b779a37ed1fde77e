namespace TargetRunner.Tests.Support;

/// <summary>A fact that needs bash (the build.sh bootstrap); skipped on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "build.sh needs bash.";
        }
    }
}
