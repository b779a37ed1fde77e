using LakehouseManager.Mirror.Git;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

/// <summary>
/// Real git repositories in a temp directory: a bare "remote" and clones of it. git runs with a global config of the
/// test's own (empty unless a test says otherwise) so the machine's configuration cannot change the results, and on a
/// fake clock, so commit dates are the same on every run and a test that needs a later commit advances the clock.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    private readonly TempDirectory _directory = new("lhm-git");

    public GitSandbox(string globalConfig = "", FakeTimeProvider? clock = null)
    {
        Clock = clock ?? TestClock.Create();
        var configPath = _directory.Combine("global.gitconfig");
        File.WriteAllText(configPath, globalConfig);
        Options = new GitOptions
        {
            TimeProvider = Clock,
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["GIT_CONFIG_GLOBAL"] = configPath,
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                // A sandbox folder that is not a repository must not be taken for part of one above it.
                ["GIT_CEILING_DIRECTORIES"] = _directory.Path,
            },
        };
    }

    public GitOptions Options { get; }

    /// <summary>The clock of every git call made with <see cref="Options"/>: the dates of the commits.</summary>
    public FakeTimeProvider Clock { get; }

    public string Root => _directory.Path;

    public string Combine(params string[] parts) => _directory.Combine(parts);

    /// <summary>A bare remote with one commit on main, and a clone of it.</summary>
    public async Task<(GitRepository Remote, GitRepository Clone)> CreateRemoteAndCloneAsync(string cloneName = "clone")
    {
        var remote = await GitRepository.InitAsync(Combine("remote.git"), bare: true, options: Options);
        var seed = await GitRepository.InitAsync(Combine("seed"), options: Options);
        await CommitFileAsync(seed, "README.md", "mirror\n", "Initial commit");
        await seed.Remotes.AddRemoteAsync("origin", remote.Directory);
        Assert.True((await seed.Remotes.PushAsync("origin", "main")).IsPushed);
        var clone = await CloneAsync(remote, cloneName);
        return (remote, clone);
    }

    public Task<GitRepository> CloneAsync(GitRepository remote, string name) =>
        GitRepository.CloneAsync(remote.Directory, Combine(name), options: Options);

    public static async Task<string> CommitFileAsync(GitRepository repository, string path, string content, string message)
    {
        WriteFile(repository, path, content);
        await repository.WorkTree.StageAsync();
        return await repository.WorkTree.CommitAsync(message);
    }

    public static void WriteFile(GitRepository repository, string path, string content)
    {
        var full = Path.Combine(repository.Directory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Runs git directly (for checks the repository class does not offer), through the repository's runner.</summary>
    public async Task<string> GitAsync(GitRepository repository, params string[] arguments)
    {
        var result = await repository.Runner.RunAsync(string.Join(' ', arguments), a => a.Add(arguments), CancellationToken.None);
        return result.StandardOutput;
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// Builds a long linear history in one git call (fast-import): each commit rewrites one file; commit
    /// <paramref name="watermarkAt"/> (1-based) carries the given message, the others a plain one.
    /// </summary>
    public async Task FastImportAsync(GitRepository repository, int commits, int watermarkAt, string watermarkMessage)
    {
        var script = new System.Text.StringBuilder();
        for (var i = 1; i <= commits; i++)
        {
            var message = i == watermarkAt ? watermarkMessage : $"Commit {i}\n";
            var messageBytes = System.Text.Encoding.UTF8.GetByteCount(message);
            script.Append("commit refs/heads/main\n")
                .Append($"committer Test <t@example.com> {1_700_000_000 + i} +0000\n")
                .Append($"data {messageBytes}\n{message}\n")
                .Append($"M 100644 inline f.sql\ndata {8 + (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture).Length}\nselect {i % 10}\n\n");
        }

        await repository.Runner.RunAsync("fast-import", a => a.Add("fast-import").Add("--quiet"), CancellationToken.None, script.ToString());
        await GitAsync(repository, "reset", "--quiet", "--hard", "main");
    }
}
