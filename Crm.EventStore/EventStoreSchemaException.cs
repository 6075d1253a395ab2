namespace Crm.EventStore;

/// <summary>The database schema cannot be brought to what this version of the store needs.</summary>
public sealed class EventStoreSchemaException : EventStoreException
{
    public EventStoreSchemaException()
    {
    }

    public EventStoreSchemaException(string message)
        : base(message)
    {
    }

    public EventStoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
