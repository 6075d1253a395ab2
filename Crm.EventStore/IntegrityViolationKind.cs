namespace Crm.EventStore;

/// <summary>What is wrong with an event or a stream.</summary>
public enum IntegrityViolationKind
{
    /// <summary>The event's stored hash differs from the hash recomputed from its content and its predecessor: its data, metadata, type, times or place were changed.</summary>
    HashMismatch,

    /// <summary>A version is missing between two events (or before the first): an event was deleted or moved.</summary>
    VersionGap,

    /// <summary>Events the stream's record counts are missing (the newest were deleted), or events have no stream record.</summary>
    Missing,

    /// <summary>The stream's record disagrees with its events (version or head hash), e.g. an event was added behind the store's back.</summary>
    StreamRecordMismatch,
}
