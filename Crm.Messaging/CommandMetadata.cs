namespace Crm.Messaging;

/// <summary>
/// Who sends a command and why, carried into every event it causes: the actor, the correlation id
/// of the request or process, and the id of the message that caused it.
/// </summary>
public sealed record CommandMetadata
{
    /// <summary>The id of the person or service that sent the command.</summary>
    public string? ActorId { get; init; }

    /// <summary>The role the actor acts in.</summary>
    public string? ActorRole { get; init; }

    /// <summary>Ties together everything one request or process causes; a new one is made when absent.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the message that caused this command (for a request, the request's id).</summary>
    public string? CausationId { get; init; }

    /// <summary>When the command's facts happened in the business's world (the command's <c>Now</c>).</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Free headers copied to every event.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
