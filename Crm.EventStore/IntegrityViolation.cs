namespace Crm.EventStore;

/// <summary>The first thing found wrong in one stream.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Version">The version of the first event that does not match (for a gap: the missing version).</param>
/// <param name="Position">The position of the event found there, when there is one.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Description">A sentence for the auditor.</param>
public sealed record IntegrityViolation(
    string StreamId,
    StreamVersion Version,
    GlobalPosition? Position,
    IntegrityViolationKind Kind,
    string Description);
