namespace Crm.Projections;

/// <summary>Where one SLA clock of a case stands.</summary>
public enum SlaStatus
{
    /// <summary>Neither met nor breached yet.</summary>
    Pending,

    /// <summary>The response (or first resolution) came at or before its due time.</summary>
    Met,

    /// <summary>A breach was recorded, or the response (or first resolution) came after its due time.</summary>
    Breached,
}
