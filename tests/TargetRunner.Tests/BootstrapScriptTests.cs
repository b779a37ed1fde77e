using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Tests.Support;
using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

/// <summary>
/// Runs the real build.sh against a copy of the repository layout, with a fake <c>dotnet</c> that records its calls
/// (or none at all), so the bootstrap's decisions are tested without compiling anything.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BootstrapScriptTests : IDisposable
{
    private readonly TempDirectory _root = new("runner-bootstrap");
    private readonly string _bin;
    private readonly string _calls;

    public BootstrapScriptTests()
    {
        File.Copy(Path.Combine(FindRepositoryRoot(), "build.sh"), _root.Combine("build.sh"));
        File.WriteAllText(_root.Combine("global.json"), """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
        Directory.CreateDirectory(_root.Combine("build"));
        Directory.CreateDirectory(_root.Combine("src", "Lib"));
        File.WriteAllText(_root.Combine("src", "Lib", "Code.cs"), "// code");
        _bin = Directory.CreateDirectory(_root.Combine("fake-bin")).FullName;
        _calls = _root.Combine("dotnet-calls.txt");
    }

    [UnixFact]
    public async Task Without_an_SDK_the_script_fails_and_names_the_version_from_global_json()
    {
        foreach (var tool in new[] { "sed", "head", "dirname", "cut", "tr" })
        {
            File.CreateSymbolicLink(Path.Combine(_bin, tool), FindTool(tool));
        }

        var (exitCode, output) = await RunScriptAsync(path: _bin);

        Assert.Equal(1, exitCode);
        Assert.Contains("the .NET SDK 10.0.100 (from global.json", output);
        Assert.Contains("No 'dotnet' on PATH, in $DOTNET_ROOT or in ~/.dotnet.", output);
        Assert.Contains("does not download", output);
    }

    [UnixFact]
    public async Task The_build_project_is_built_once_and_only_again_when_an_input_changes()
    {
        WriteFakeDotnet();
        var path = _bin + ":" + Environment.GetEnvironmentVariable("PATH");

        var first = await RunScriptAsync(path, "--help");
        var second = await RunScriptAsync(path, "Compile", "--skip");
        BackdateStamp();
        File.WriteAllText(_root.Combine("src", "Lib", "More.cs"), "// more");
        var third = await RunScriptAsync(path, "--plan");

        Assert.Equal((0, 0, 0), (first.ExitCode, second.ExitCode, third.ExitCode));
        var calls = ReadCalls();
        Assert.Equal(
            [
                "--version",
                "build <root>/build/_build.csproj /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity minimal",
                "<root>/build/bin/Debug/net10.0/_build.dll --help",
                "<root>/build/bin/Debug/net10.0/_build.dll Compile --skip",
                "--version",
                "build <root>/build/_build.csproj /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity minimal",
                "<root>/build/bin/Debug/net10.0/_build.dll --plan",
            ],
            calls);
    }

    [UnixFact]
    public async Task A_warm_start_runs_the_dotnet_that_passed_the_SDK_check_not_the_first_one_on_PATH()
    {
        WriteFakeDotnet(_bin, label: "old", hasSdk: false);
        var sdkRoot = Directory.CreateDirectory(_root.Combine("sdk10")).FullName;
        WriteFakeDotnet(sdkRoot, label: "new");
        var path = _bin + ":" + LinkTools();
        var environment = new Dictionary<string, string> { ["DOTNET_ROOT"] = sdkRoot };

        var first = await RunScriptAsync(path, environment, "--help");
        var second = await RunScriptAsync(path, environment, "Sql");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(
            [
                "old --version",
                "new --version",
                "new build <root>/build/_build.csproj /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity minimal",
                "new <root>/build/bin/Debug/net10.0/_build.dll --help",
                "new <root>/build/bin/Debug/net10.0/_build.dll Sql",
            ],
            ReadCalls());
    }

    [UnixFact]
    public async Task When_the_remembered_dotnet_is_gone_a_warm_start_chooses_again_by_the_SDK_check()
    {
        WriteFakeDotnet(_bin, label: "path");
        var sdkRoot = Directory.CreateDirectory(_root.Combine("sdk10")).FullName;
        WriteFakeDotnet(sdkRoot, label: "root");
        var path = _bin + ":" + LinkTools();
        var environment = new Dictionary<string, string> { ["DOTNET_ROOT"] = sdkRoot };

        var first = await RunScriptAsync(path, environment, "--help");
        File.Delete(Path.Combine(_bin, "dotnet"));
        var second = await RunScriptAsync(path, environment, "Sql");
        var third = await RunScriptAsync(path, environment, "Test");

        Assert.Equal((0, 0, 0), (first.ExitCode, second.ExitCode, third.ExitCode));
        Assert.Equal(
            [
                "path --version",
                "path build <root>/build/_build.csproj /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity minimal",
                "path <root>/build/bin/Debug/net10.0/_build.dll --help",
                "root --version",
                "root <root>/build/bin/Debug/net10.0/_build.dll Sql",
                "root <root>/build/bin/Debug/net10.0/_build.dll Test",
            ],
            ReadCalls());
    }

    [UnixFact(Timeout = 30_000)]
    public async Task A_compile_says_which_projects_are_done_and_that_it_is_still_going_when_it_is_slow()
    {
        WriteFakeDotnet(build: """
            echo "  Determining projects to restore..."
            echo "  Restored /src/Lib/Lib.csproj (in 1.2 sec)."
            echo "  Restored /build/_build.csproj (in 1.3 sec)."
            echo "  Lib -> /src/Lib/bin/Debug/net10.0/Lib.dll"
            sleep 3
            echo "  _build -> /build/bin/Debug/net10.0/_build.dll"
            """);

        var (output, lines) = await CompileWithProgressEverySecondAsync();

        Assert.Equal(
            [
                "Compiling build/_build.csproj with .NET SDK 10.0.100 (the first time takes a minute or two; later runs start at once) ...",
                "  restored packages (Ns)",
                "  compiled Lib (Ns)",
                "  still compiling (Ns) ...",
            ],
            lines.Take(4));
        Assert.Contains("  compiled _build (Ns)", lines);
        Assert.Matches(@"  done in \d+s\.", output);
        Assert.Contains("  Lib -> /src/Lib/bin/Debug/net10.0/Lib.dll", File.ReadAllText(_root.Combine("build", "bin", "build.log")));
    }

    [UnixFact(Timeout = 30_000)]
    public async Task A_line_the_compiler_writes_across_a_progress_tick_is_kept_whole_and_so_is_a_last_line_without_a_newline()
    {
        WriteFakeDotnet(build: """
            echo "  Restored /build/_build.csproj (in 1.3 sec)."
            printf "  _bu"
            sleep 2
            echo "ild -> /build/bin/Debug/net10.0/_build.dll"
            printf "  Lib -> /src/Lib/bin/Debug/net10.0/Lib.dll"
            """);

        var (_, lines) = await CompileWithProgressEverySecondAsync();

        Assert.Contains("  still compiling (Ns) ...", lines);
        Assert.Contains("  compiled _build (Ns)", lines);
        Assert.Contains("  compiled Lib (Ns)", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("  compiled ild", StringComparison.Ordinal));
        Assert.Equal(
            [
                "  Restored /build/_build.csproj (in 1.3 sec).",
                "  _build -> /build/bin/Debug/net10.0/_build.dll",
                "  Lib -> /src/Lib/bin/Debug/net10.0/Lib.dll",
            ],
            File.ReadAllLines(_root.Combine("build", "bin", "build.log")));
    }

    [UnixFact(Timeout = 30_000)]
    public async Task A_failed_compile_prints_the_compilers_messages_and_fails()
    {
        WriteFakeDotnet(build: """
            echo "/src/Lib/Code.cs(3,1): error CS1002: ; expected"
            exit 1
            """);
        var path = _bin + ":" + Environment.GetEnvironmentVariable("PATH");

        var (exitCode, output) = await RunScriptAsync(path, "--help");

        Assert.Equal(1, exitCode);
        Assert.Contains("/src/Lib/Code.cs(3,1): error CS1002: ; expected", output);
        Assert.Contains("error: building build/_build.csproj failed (the whole output is in build/bin/build.log).", output);
        Assert.DoesNotContain("_build.dll --help", ReadCalls());
    }

    public void Dispose() => _root.Dispose();

    private List<string> ReadCalls() =>
        File.ReadAllLines(_calls).Select(c => c.Replace(_root.Path, "<root>", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Runs <c>build.sh --help</c> with the fake dotnet on PATH and a progress tick every second; returns its output
    /// and the output's lines with every "(12s)" read as "(Ns)".
    /// </summary>
    private async Task<(string Output, List<string> Lines)> CompileWithProgressEverySecondAsync()
    {
        var path = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        var (exitCode, output) = await RunScriptAsync(
            path, new Dictionary<string, string> { ["BUILD_PROGRESS_INTERVAL"] = "1" }, "--help");

        Assert.Equal(0, exitCode);
        return (output, output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\(\d+s\)", "(Ns)")).ToList());
    }

    /// <summary>
    /// A fake <c>dotnet</c> in <paramref name="directory"/> that logs its calls (prefixed with <paramref name="label"/>)
    /// and, like the real one, fails <c>--version</c> when it lacks the SDK global.json asks for.
    /// </summary>
    /// <param name="directory">Where the fake goes (default: the fake bin folder).</param>
    /// <param name="label">A prefix for its logged calls, to tell several fakes apart.</param>
    /// <param name="hasSdk">Whether it has the SDK global.json asks for.</param>
    /// <param name="build">What <c>dotnet build</c> prints (and how it ends) before it writes the build assembly.</param>
    private void WriteFakeDotnet(string? directory = null, string? label = null, bool hasSdk = true, string build = "")
    {
        var prefix = label is null ? string.Empty : label + " ";
        var version = hasSdk ? "echo 10.0.100" : "echo 'A compatible .NET SDK was not found.' >&2; exit 145";
        var script = $$"""
            #!/bin/bash
            echo "{{prefix}}$*" >> '{{_calls}}'
            case "$1" in
              --version) {{version}} ;;
              build)
            {{build}}
                mkdir -p '{{_root.Path}}/build/bin/Debug/net10.0' && touch '{{_root.Path}}/build/bin/Debug/net10.0/_build.dll' ;;
            esac
            """;
        var fake = Path.Combine(directory ?? _bin, "dotnet");
        File.WriteAllText(fake, script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Moves the last build into the past, so the next edit is newer whatever the file-system's clock resolution.</summary>
    private void BackdateStamp()
    {
        var stamp = _root.Combine("build", "bin", "build.stamp");
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddMinutes(-5));
    }

    private Task<(int ExitCode, string Output)> RunScriptAsync(string path, params string[] arguments) =>
        RunScriptAsync(path, new Dictionary<string, string>(), arguments);

    private async Task<(int ExitCode, string Output)> RunScriptAsync(
        string path,
        Dictionary<string, string> environment,
        params string[] arguments)
    {
        // Nothing of this process's environment reaches the script but what the test gives it.
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(n => n, _ => (string?)null);
        variables["PATH"] = path;
        variables["HOME"] = _root.Path;
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await Cli.Wrap("/bin/bash")
            .WithArguments([_root.Combine("build.sh"), .. arguments])
            .WithWorkingDirectory(_root.Path)
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }

    /// <summary>A folder with only the tools build.sh and the fake dotnet use, so no real dotnet is on PATH.</summary>
    private string LinkTools()
    {
        var tools = Directory.CreateDirectory(_root.Combine("tools")).FullName;
        foreach (var tool in new[] { "dirname", "sed", "head", "cut", "tr", "ls", "find", "touch", "mkdir" })
        {
            File.CreateSymbolicLink(Path.Combine(tools, tool), FindTool(tool));
        }

        return tools;
    }

    private static string FindTool(string name) =>
        new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, name)).First(File.Exists);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && File.Exists(Path.Combine(directory.FullName, "LakehouseManager.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("build.sh not found above the test assembly.");
    }
}
