namespace Crm.EventStore;

/// <summary>The base of the event store's own errors.</summary>
public class EventStoreException : Exception
{
    public EventStoreException()
    {
    }

    public EventStoreException(string message)
        : base(message)
    {
    }

    public EventStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
