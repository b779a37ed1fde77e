namespace LakehouseManager.Pipeline.Sync;

/// <summary>
/// The points between the steps of a sync. A sync may be interrupted at any of them (killed, a crash) and a re-run
/// must reach the same final state; tests inject failures here to prove it.
/// </summary>
public enum SyncStep
{
    CheckoutPrepared,
    DeltaComputed,
    JournalWritten,
    FileWritten,
    FilesWritten,
    Staged,
    Committed,
    JournalCleared,
    PushRejected,
    Pushed,
}
