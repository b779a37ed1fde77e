namespace LakehouseManager.Fakes.Aws;

/// <summary>An AWS identity a fake knows: its keys (and session token), and the ARN it acts as.</summary>
public sealed record AwsFakeIdentity(string AccessKeyId, string SecretAccessKey, string Arn, string? SessionToken = null)
{
    /// <summary>Never shows the secret or the token.</summary>
    public override string ToString() => $"AwsFakeIdentity({AccessKeyId}, {Arn})";
}
