namespace Crm.EventStore;

/// <summary>An event to append: the event object (of a type in the <see cref="EventTypeRegistry"/>) and its metadata.</summary>
public sealed class EventData
{
    /// <summary>Wraps an event object, with optional metadata.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public EventData(object data, EventMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Metadata = metadata ?? EventMetadata.Empty;
    }

    /// <summary>The event; serialized with System.Text.Json under the name its type is registered with.</summary>
    public object Data { get; }

    /// <summary>Who, why and when.</summary>
    public EventMetadata Metadata { get; }

    /// <summary>The event's id; a new time-ordered UUID unless given.</summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7();
}
