namespace Crm.Projections.Trends;

/// <summary>
/// What the counting projections remember about one case between batches: its attributes (to file
/// later events under its category, kind and channel), its SLA clocks, and whether it currently
/// counts as a first contact resolution and where that was counted.
/// </summary>
internal sealed class CaseFacts
{
    public CaseFacts(Guid caseId) => CaseId = caseId;

    public Guid CaseId { get; }

    public string? Kind { get; set; }

    public string? Category { get; set; }

    public string? Channel { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? FirstResponseDue { get; set; }

    public DateTimeOffset? ResolutionDue { get; set; }

    public Guid? AssigneeAgentId { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }

    public DateTimeOffset? FirstResolvedAt { get; set; }

    public SlaStatus FirstResponseSla { get; set; }

    public SlaStatus ResolutionSla { get; set; }

    public int Contacts { get; set; }

    public int ReopenCount { get; set; }

    public bool Escalated { get; set; }

    /// <summary>The day of the first resolution: FCR's numerator and denominator are filed there.</summary>
    public DateOnly? FcrDay { get; set; }

    /// <summary>The agent credited with the first resolution.</summary>
    public Guid? FcrAgentId { get; set; }

    /// <summary>Whether the case is counted in the FCR numerator now.</summary>
    public bool FcrCounted { get; set; }
}
