using System.Text.RegularExpressions;

namespace LakehouseManager.Deployment;

/// <summary>The parts of an ARN a deployment needs: <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>. Pure.</summary>
public sealed partial record AwsArn(string Partition, string Service, string Region, string Account, string Resource)
{
    /// <summary>Reads an ARN; <paramref name="what"/> names it in the error, e.g. "--role-arn".</summary>
    public static AwsArn Parse(string text, string what)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            throw new LakehouseException(
                $"{what} '{text}' is not an ARN: expected arn:aws:iam::123456789012:role/NAME (partition, service, region, " +
                "12-digit account, resource).");
        }

        return new AwsArn(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value);
    }

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";

    [GeneratedRegex("^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):([0-9]{12}):(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
