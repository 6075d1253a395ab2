namespace Crm.EventStore.Projections;

/// <summary>A projection cannot do what was asked: it is paused, an event failed during a rebuild, or a rebuild of it is already running.</summary>
public sealed class ProjectionException : EventStoreException
{
    public ProjectionException()
    {
    }

    public ProjectionException(string message)
        : base(message)
    {
    }

    public ProjectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The projection concerned.</summary>
    public string? Projection { get; init; }

    /// <summary>The event that failed, when the error belongs to one.</summary>
    public FailedEvent? Event { get; init; }
}
