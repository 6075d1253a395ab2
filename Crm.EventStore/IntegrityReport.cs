namespace Crm.EventStore;

/// <summary>The result of verifying one stream or the whole store.</summary>
/// <param name="StreamsChecked">Streams verified.</param>
/// <param name="EventsChecked">Events whose hashes were recomputed.</param>
/// <param name="Violations">The first violation of each broken stream, in stream id order (byte order).</param>
public sealed record IntegrityReport(long StreamsChecked, long EventsChecked, IReadOnlyList<IntegrityViolation> Violations)
{
    /// <summary>Whether nothing was found wrong.</summary>
    public bool IsIntact => Violations.Count == 0;
}
