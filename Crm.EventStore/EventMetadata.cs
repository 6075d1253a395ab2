namespace Crm.EventStore;

/// <summary>
/// Who caused an event, why and when: stored with every event (as jsonb) and covered by its
/// integrity hash. Every member is optional; one instance can be shared by all events of a command.
/// </summary>
public sealed record EventMetadata
{
    /// <summary>No metadata.</summary>
    public static EventMetadata Empty { get; } = new();

    /// <summary>The id of the person or service that caused the event.</summary>
    public string? ActorId { get; init; }

    /// <summary>The role the actor acted in.</summary>
    public string? ActorRole { get; init; }

    /// <summary>Ties together everything that one request or process caused.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the message or event that directly caused this one.</summary>
    public string? CausationId { get; init; }

    /// <summary>
    /// When the fact happened in the business's world, given by the caller. When absent the store
    /// uses the time of the append on the client's clock. Stored with microsecond precision; read
    /// back it is always set.
    /// </summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Free headers (names and values are text).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
