/// <summary>The MSBuild configuration the developer targets build.</summary>
internal enum Configuration
{
    Debug,
    Release,
}
