namespace Crm.EventStore;

/// <summary>
/// An append lost a race with another writer and wrote nothing; reading the stream again and
/// retrying may succeed. <see cref="WrongExpectedVersionException"/> is the common case.
/// </summary>
public class EventStoreConcurrencyException : EventStoreException
{
    public EventStoreConcurrencyException()
    {
    }

    public EventStoreConcurrencyException(string message)
        : base(message)
    {
    }

    public EventStoreConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
