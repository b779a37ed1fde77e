using LakehouseManager.Mirror.Git;

namespace LakehouseManager.Tests.Mirror.Git;

/// <summary>
/// Real git running a real child process, for the tests of the runner itself: a shell alias
/// (<c>git -c alias.lhm-test='!script' lhm-test args...</c>) behaves as git does when it runs a helper or a hook.
/// </summary>
internal static class GitScripts
{
    /// <summary>The arguments that make git run <paramref name="script"/> with <paramref name="arguments"/> as <c>$@</c>.</summary>
    public static Action<GitArguments> Alias(string script, params string[] arguments) =>
        a => a.Add("-c").Add($"alias.lhm-test=!f() {{ {script}; }}; f").Add("lhm-test").Add(arguments);

    /// <summary>
    /// An executable script in the sandbox to stand in for git (it ignores git's arguments), for what real git cannot
    /// show: how it is interrupted.
    /// </summary>
    public static string FakeGit(GitSandbox sandbox, string script)
    {
        var path = sandbox.Combine("fake-git");
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }
}
