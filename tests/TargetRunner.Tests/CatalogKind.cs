namespace TargetRunner.Tests;

/// <summary>The enum parameter of <see cref="BindingBuild"/>.</summary>
internal enum CatalogKind
{
    Local,
    Nessie,
    DremioCloud,
}
