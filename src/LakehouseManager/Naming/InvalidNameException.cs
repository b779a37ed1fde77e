namespace LakehouseManager.Naming;

/// <summary>A branch or key name that breaks the rules; the message names it and says what a valid name is.</summary>
internal sealed class InvalidNameException(string message) : LakehouseException(message);
