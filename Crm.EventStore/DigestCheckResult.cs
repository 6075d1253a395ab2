namespace Crm.EventStore;

/// <summary>A recorded digest compared with the store as it is now.</summary>
/// <param name="Recorded">The digest recorded earlier.</param>
/// <param name="Current">The digest recomputed now at the same checkpoint.</param>
/// <param name="Report">The verification done while recomputing it.</param>
public sealed record DigestCheckResult(StoreDigest Recorded, StoreDigest Current, IntegrityReport Report)
{
    /// <summary>Whether the store still holds exactly the events the recorded digest covered.</summary>
    public bool Matches =>
        string.Equals(Recorded.Hash, Current.Hash, StringComparison.Ordinal)
        && Recorded.StreamCount == Current.StreamCount
        && Recorded.EventCount == Current.EventCount;
}
