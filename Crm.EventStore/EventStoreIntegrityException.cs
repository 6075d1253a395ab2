namespace Crm.EventStore;

/// <summary>The store failed a verification where an intact store was required (see <see cref="Report"/>).</summary>
public sealed class EventStoreIntegrityException : EventStoreException
{
    public EventStoreIntegrityException(string message, IntegrityReport report)
        : base(message)
    {
        Report = report;
    }

    /// <summary>What was found wrong.</summary>
    public IntegrityReport Report { get; }
}
