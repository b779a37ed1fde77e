using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace LakehouseManager.Tests.Support;

/// <summary>
/// Makes a file that nobody may replace or delete, as a permission error does: <c>chattr +i</c> when the tests run as
/// root (root ignores file modes), else a read-only parent folder. <see cref="FactAttribute"/>s that need it use
/// <see cref="UnwritableFactAttribute"/>, which is skipped where neither works.
/// </summary>
internal sealed class UnwritableFile : IDisposable
{
    private readonly string _path;
    private readonly bool _immutable;

    private UnwritableFile(string path, bool immutable)
    {
        _path = path;
        _immutable = immutable;
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Locks the file until disposed.</summary>
    public static async Task<UnwritableFile> LockAsync(string path)
    {
        if (IsRoot)
        {
            await Cli.Wrap("chattr").WithArguments(["+i", path]).ExecuteBufferedAsync();
            return new UnwritableFile(path, immutable: true);
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("File modes are POSIX only.");
        }

        File.SetUnixFileMode(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return new UnwritableFile(path, immutable: false);
    }

    /// <summary>Whether a file can be made unwritable here (probed once).</summary>
    public static bool IsSupported { get; } = Probe();

    public void Dispose()
    {
        if (_immutable)
        {
            Cli.Wrap("chattr").WithArguments(["-i", _path]).ExecuteBufferedAsync().Task.GetAwaiter().GetResult();
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.GetDirectoryName(_path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool Probe()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        using var temp = new TempDirectory("lhm-probe");
        var folder = temp.Combine("folder");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "probe.txt");
        File.WriteAllText(file, "x");
        try
        {
            using (LockAsync(file).GetAwaiter().GetResult())
            {
                try
                {
                    File.Delete(file);
                    return false;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CliWrap.Exceptions.CommandExecutionException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs a file nobody may replace (<see cref="UnwritableFile"/>); skipped where none can be made.</summary>
internal sealed class UnwritableFactAttribute : FactAttribute
{
    public UnwritableFactAttribute()
    {
        if (!UnwritableFile.IsSupported)
        {
            Skip = "A file cannot be made unwritable here (neither chattr +i as root nor a read-only folder works).";
        }
    }
}
