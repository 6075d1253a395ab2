namespace Crm.EventStore;

/// <summary>An append to an archived stream; nothing was written.</summary>
public sealed class StreamArchivedException : EventStoreException
{
    public StreamArchivedException(string streamId)
        : base($"Stream '{streamId}' is archived and takes no more events.")
    {
        StreamId = streamId;
    }

    /// <summary>The stream.</summary>
    public string StreamId { get; }
}
