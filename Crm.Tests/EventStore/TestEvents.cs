namespace Crm.Tests.EventStore;

public sealed record ItemAdded(string Sku, int Quantity);

public sealed record ItemRemoved(string Sku);

public sealed record NoteWritten(string Text);

/// <summary>Carries any JSON-able payload, for awkward-data tests.</summary>
public sealed record PayloadRecorded(Dictionary<string, object?> Payload);

public sealed record Marked(int Writer, int Sequence);
