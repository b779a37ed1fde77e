namespace TargetRunner.Hosts;

/// <summary>Chooses the host: forced by <c>--host</c>, else the first CI whose marker is set, else the terminal.</summary>
internal static class HostDetector
{
    private static readonly string[] s_names = [nameof(AwsCodeBuild), nameof(GenericCi), nameof(Terminal)];

    public static Host Detect(string? forced, IReadOnlyDictionary<string, string> environment)
    {
        if (!string.IsNullOrWhiteSpace(forced))
        {
            var name = s_names.FirstOrDefault(n => Parameters.NameFormat.Normalize(n) == Parameters.NameFormat.Normalize(forced))
                ?? throw new BuildException($"Host '{forced}' does not exist. Available hosts are: {string.Join(", ", s_names)}.");
            return Create(name, environment);
        }

        if (AwsCodeBuild.IsRunning(environment))
        {
            return new AwsCodeBuild(environment);
        }

        return GenericCi.IsRunning(environment) ? new GenericCi(environment) : new Terminal(environment);
    }

    private static Host Create(string name, IReadOnlyDictionary<string, string> environment) => name switch
    {
        nameof(AwsCodeBuild) => new AwsCodeBuild(environment),
        nameof(GenericCi) => new GenericCi(environment),
        _ => new Terminal(environment),
    };
}
