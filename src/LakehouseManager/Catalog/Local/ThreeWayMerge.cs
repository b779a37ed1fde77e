using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// The three-way rule for one key that the source changed since the common ancestor (values are SQL-text ids, equal
/// ids are equal texts; null is "absent"): apply it when the target kept the ancestor's value, skip it when the
/// target already made the same change, and otherwise report a conflict with Nessie's type and message.
/// </summary>
internal static class ThreeWayMerge
{
    public enum Outcome
    {
        Apply,
        AlreadyEqual,
        Conflict,
    }

    public static Outcome Decide(long? ancestor, long? source, long? target) =>
        target == ancestor ? Outcome.Apply
        : target == source ? Outcome.AlreadyEqual
        : Outcome.Conflict;

    /// <summary>The conflict for a key whose target value is neither the ancestor's nor the source's.</summary>
    public static MergeConflict Conflict(ContentKey key, long? ancestor, long? target)
    {
        if (ancestor is null)
        {
            // Both sides created the key, with different texts.
            return new MergeConflict(key, "KEY_EXISTS", $"key '{key}' already exists");
        }

        if (target is null)
        {
            // The target deleted the key the source changed.
            return new MergeConflict(key, "KEY_DOES_NOT_EXIST", $"key '{key}' does not exist");
        }

        return new MergeConflict(
            key, "VALUE_DIFFERS", $"values of existing and expected content for key '{key}' are different");
    }
}
