using System.Net;
using System.Text;
using CliWrap.Buffered;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Fakes.Nessie;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Safety;

/// <summary>
/// Secrets in no artifact (issue 8, item 6): canary secrets go in through every parameter that can hold one (the PAT as
/// a flag and from the environment, a password and a query token inside <c>--dremio-url</c>, AWS keys in the
/// environment, the Nessie token and a query token inside <c>--nessie-url</c>), every pipeline target runs (Init too), on
/// the local catalog, on a loopback Dremio that quotes the token in its errors and on a loopback Nessie that does the
/// same, and no output and no file (artifacts, the checkout and its history, the catalog file) holds any of them.
/// </summary>
public sealed class SecretCanaryTests
{
    /// <summary>What every canary starts with: it survives the escapes of JSON, XML, markdown and URLs.</summary>
    private const string Marker = "LHMcanary";

    private const string Pat = Marker + "Pat_7f+Q/z=";
    private const string UrlPassword = Marker + "Pw_9c+x";
    private const string UrlToken = Marker + "Query_3b/y";
    private const string AwsSecret = Marker + "Aws_1d/x+y";
    private const string NessieToken = Marker + "Nessie_5e/w+v";

    [Fact(Timeout = 600_000)]
    public async Task A_canary_secret_in_every_parameter_that_can_hold_one_reaches_no_output_and_no_file()
    {
        // Arrange
        await using var world = await SafetyWorld.CreateAsync();
        await using var dremio = await DremioFake.StartAsync(new DremioFakeOptions { Pat = Pat });
        await using var nessie = await NessieFake.StartAsync(new NessieFakeOptions { Token = NessieToken });
        nessie.FailNextRequests(1, HttpStatusCode.BadRequest, message: $"The token {NessieToken} may not read this branch");
        var init = world.Fixture.Sandbox.Combine("init");
        dremio.OnSql(_ => true, DremioFakeOutcome.Fails($"The token {Pat} may not read shop.raw.orders"));
        var port = dremio.BaseAddress.Port;
        var environment = new Dictionary<string, string?> { ["AWS_SECRET_ACCESS_KEY"] = AwsSecret, ["AWS_SESSION_TOKEN"] = AwsSecret };
        var withPatEnvironment = new Dictionary<string, string?>(environment) { ["DREMIO_PAT"] = Pat };
        string[] local = [.. world.Common(), "--verbosity", "verbose", "--dremio-pat", Pat, "--repo-name", "lakehouse",
            "--dremio-url", $"https://admin:{Uri.EscapeDataString(UrlPassword)}@dremio.invalid:9047/?token={Uri.EscapeDataString(UrlToken)}"];
        string[] onNessie = [.. world.Common(), "--verbosity", "verbose", "--catalog", "nessie", "--nessie-token", NessieToken];
        string[] onDremio = [.. world.Common(), "--verbosity", "verbose", "--catalog", "dremio", "--repo-name", "lakehouse",
            "--tests-path", SafetyWorld.TestsPath];
        await world.Fixture.CreateViewAsync("dev", "shop.sales.later");

        // Act: every pipeline target on the local catalog, the data tests on Dremio, each way a URL can be wrong, the
        // Nessie catalog (an error quoting its token, a token in its URL), and Init.
        var runs = new List<BufferedCommandResult>
        {
            await SafetyWorld.RunAsync(["Sql", "--sql", "SHOW VIEWS", .. local], environment),
            await SafetyWorld.RunAsync(["FetchCatalogDelta", .. local], environment),
            await SafetyWorld.RunAsync(["CommitMirror", .. local], environment),
            await SafetyWorld.RunAsync(["Sync", .. local], environment),
            await SafetyWorld.RunAsync(["VerifyMirror", .. local], environment),
            await SafetyWorld.RunAsync(["RunDataTests", "--tests-path", SafetyWorld.TestsPath, .. local], environment),
            await SafetyWorld.RunAsync(["MergeCatalog", .. local], environment),
            await SafetyWorld.RunAsync(["RunDataTests", .. onDremio, "--dremio-url", $"http://127.0.0.1:{port}/?token={Uri.EscapeDataString(UrlToken)}"], withPatEnvironment),
            await SafetyWorld.RunAsync(["RunDataTests", .. onDremio, "--dremio-url", $"http://admin:{Uri.EscapeDataString(UrlPassword)}@127.0.0.1:{port}"], withPatEnvironment),
            await SafetyWorld.RunAsync(["RunDataTests", .. onDremio, "--dremio-url", $"http://127.0.0.1:{port}#{UrlToken}", "--dremio-pat", Pat], environment),
            await SafetyWorld.RunAsync(["RunDataTests", .. onDremio, "--dremio-url", dremio.BaseAddress.ToString()], withPatEnvironment),
            await SafetyWorld.RunAsync(["FetchCatalogDelta", .. onNessie, "--nessie-url", nessie.ApiUri.ToString()], environment),
            await SafetyWorld.RunAsync(["Sync", .. onNessie, "--nessie-url", $"{nessie.ApiUri}?key={Uri.EscapeDataString(UrlToken)}"], environment),
            await SafetyWorld.RunAsync(
                ["Init", .. local.Select(a => a == world.CatalogPath ? Path.Combine(init, "catalog.db") : a == world.Checkout ? Path.Combine(init, "checkout") : a == "dev" ? "main" : a)],
                environment),
        };

        // Assert: the runs did what they do (so the canaries went through the code that writes), and nothing shows them.
        Assert.All(runs.Take(6), r => Assert.True(r.ExitCode == 0, Mask(r.StandardOutput + r.StandardError)));
        Assert.NotEmpty(dremio.Requests);
        Assert.Contains("may not read this branch", runs[^3].StandardOutput, StringComparison.Ordinal);
        Assert.Contains("must not have a query or fragment", runs[^2].StandardOutput, StringComparison.Ordinal);
        Assert.True(runs[^1].ExitCode == 0, Mask(runs[^1].StandardOutput + runs[^1].StandardError));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(world.Artifacts, "pull-requests"), "*-comment.md", SearchOption.AllDirectories));
        Assert.Contains("The token *** may not read shop.raw.orders", File.ReadAllText(Path.Combine(world.Artifacts, "test-results", "data-tests.md")), StringComparison.Ordinal);
        var leaks = runs.Select((r, i) => ($"run {i + 1}", r.StandardOutput + r.StandardError))
            .Concat(Files(world.Artifacts))
            .Concat(Files(world.Checkout))
            .Concat(Files(init))
            .Concat(Files(Path.GetDirectoryName(world.CatalogPath)!, "catalog.db"))
            .Append(("checkout history", await world.Fixture.Sandbox.GitAsync(world.Fixture.Checkout, "log", "--all", "-p", "--format=%B")))
            .Append(("remote history", await world.Fixture.Sandbox.GitAsync(world.Fixture.Remote, "log", "--all", "-p", "--format=%B")))
            .Where(t => t.Item2.Contains(Marker, StringComparison.Ordinal))
            .Select(t => $"{t.Item1}: {Mask(string.Join(" | ", t.Item2.Split('\n').Where(l => l.Contains(Marker, StringComparison.Ordinal)).Take(3)))}")
            .ToList();
        Assert.Empty(leaks);
    }

    /// <summary>Every file under a folder (or one file of it) as text, named by its path.</summary>
    private static IEnumerable<(string, string)> Files(string folder, string pattern = "*") =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Select(path => (path, Encoding.Latin1.GetString(File.ReadAllBytes(path))));

    /// <summary>For a failure message: the canaries must not be printed by the test either.</summary>
    private static string Mask(string text) => text.Replace(Marker, "[canary]", StringComparison.Ordinal);
}
