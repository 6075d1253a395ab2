using Crm.Domain.Common;

namespace Crm.Domain.Cases;

/// <summary>A case as the decisions (and the case read model) see it: built by folding <see cref="CaseDecider.Evolve"/> over the stream.</summary>
public sealed record CaseState
{
    /// <summary>The state before the first event: not opened.</summary>
    public static CaseState Initial { get; } = new();

    /// <summary>The case's id; empty before opening.</summary>
    public Guid Id { get; init; }

    /// <summary>Not opened, open, resolved or closed.</summary>
    public CaseStatus Status { get; init; }

    /// <summary>The customer.</summary>
    public Guid CustomerId { get; init; }

    /// <summary>Inquiry, complaint or technical issue.</summary>
    public CaseKind Kind { get; init; }

    /// <summary>What it is about.</summary>
    public CaseCategory Category { get; init; }

    /// <summary>How urgent it is.</summary>
    public Priority Priority { get; init; }

    /// <summary>The channel it came through.</summary>
    public Channel Channel { get; init; }

    /// <summary>The currency of its remedies; empty before opening.</summary>
    public string Currency { get; init; } = "";

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>Who opened it.</summary>
    public Guid OpenedBy { get; init; }

    /// <summary>Who it is assigned to.</summary>
    public Assignee? Assignee { get; init; }

    /// <summary>The highest tier it was escalated to.</summary>
    public EscalationTier? Tier { get; init; }

    /// <summary>The department it was last escalated to.</summary>
    public Department? Department { get; init; }

    /// <summary>Every escalation, in order.</summary>
    public EquatableList<Escalation> Escalations { get; init; } = EquatableList.Empty<Escalation>();

    /// <summary>Remedies issued, by remedy id.</summary>
    public EquatableDictionary<Guid, IssuedRemedy> Remedies { get; init; } = EquatableDictionaries.Empty<Guid, IssuedRemedy>();

    /// <summary>Approval requests, by request id.</summary>
    public EquatableDictionary<Guid, ApprovalRequest> Approvals { get; init; } = EquatableDictionaries.Empty<Guid, ApprovalRequest>();

    /// <summary>Number of notes.</summary>
    public int NoteCount { get; init; }

    /// <summary>When the customer first got a response (see <see cref="CaseRules.IsResponse"/>).</summary>
    public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary>When the case was resolved; null while open (also after a reopening).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When the case was first resolved; the resolution SLA is measured to this moment.</summary>
    public DateTimeOffset? FirstResolvedAt { get; init; }

    /// <summary>The root cause given at the latest resolution.</summary>
    public RootCause? RootCause { get; init; }

    /// <summary>How often it was reopened.</summary>
    public int ReopenCount { get; init; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The survey answer, once recorded.</summary>
    public Satisfaction? Satisfaction { get; init; }

    /// <summary>Follow-ups, by id.</summary>
    public EquatableDictionary<Guid, FollowUp> FollowUps { get; init; } = EquatableDictionaries.Empty<Guid, FollowUp>();

    /// <summary>When the first response is due.</summary>
    public DateTimeOffset FirstResponseDue { get; init; }

    /// <summary>When the resolution is due.</summary>
    public DateTimeOffset ResolutionDue { get; init; }

    /// <summary>Whether the first-response SLA was breached.</summary>
    public bool FirstResponseBreached { get; init; }

    /// <summary>Whether the resolution SLA was breached.</summary>
    public bool ResolutionBreached { get; init; }

    /// <summary>Whether the case was ever opened.</summary>
    public bool Exists => Status != CaseStatus.None;

    /// <summary>The sum of all remedies issued, in <see cref="Currency"/>.</summary>
    public decimal RemedyTotal => Remedies.Values.Sum(static r => r.Value.Amount);

    /// <summary>Whether an approval request waits for a decision.</summary>
    public bool HasPendingApproval => Approvals.Values.Any(static a => a.Status == ApprovalStatus.Pending);

    /// <summary>Whether a follow-up is not done yet.</summary>
    public bool HasOpenFollowUp => FollowUps.Values.Any(static f => !f.IsCompleted);

    /// <summary>Whether a survey answer was recorded.</summary>
    public bool SatisfactionRecorded => Satisfaction is not null;

    /// <summary>Time from opening to the first response.</summary>
    public TimeSpan? FirstResponseTime => FirstResponseAt - OpenedAt;

    /// <summary>Time from opening to the current resolution.</summary>
    public TimeSpan? ResolutionTime => ResolvedAt - OpenedAt;
}
