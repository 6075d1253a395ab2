namespace Crm.EventStore;

/// <summary>A stream's record.</summary>
/// <param name="StreamId">The stream's id.</param>
/// <param name="StreamType">The label given when the stream was created, if any.</param>
/// <param name="Version">The version of its newest event.</param>
/// <param name="CreatedAt">When its first event was recorded (database clock).</param>
/// <param name="UpdatedAt">When its newest event was recorded (database clock).</param>
/// <param name="IsArchived">Whether the stream is archived: readable, but closed to appends.</param>
public sealed record StreamInfo(
    string StreamId,
    string? StreamType,
    StreamVersion Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsArchived);
