using Crm.Domain.Common;

namespace Crm.Domain.Cases;

/// <summary>
/// A fact about a case, in stream <c>case-{CaseId}</c>. Every case event names the customer, so
/// timelines can file it and the store can pick the customer's key for its personal fields. The
/// hierarchy is closed: only this assembly defines case events.
/// </summary>
public abstract record CaseEvent
{
    private protected CaseEvent(Guid caseId, Guid customerId, DateTimeOffset occurredAt, Actor by)
    {
        CaseId = caseId;
        CustomerId = customerId;
        OccurredAt = occurredAt;
        By = by;
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The case's customer.</summary>
    public Guid CustomerId { get; init; }

    /// <summary>When it happened (business time, UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who did it.</summary>
    public Actor By { get; init; }
}

/// <summary>A case was opened, with the SLA due times the policy gave for its priority.</summary>
public sealed record CaseOpened(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    CaseKind Kind,
    CaseCategory Category,
    Priority Priority,
    Channel Channel,
    [property: PersonalData] string Subject,
    [property: PersonalData] string Description,
    string Currency,
    DateTimeOffset FirstResponseDue,
    DateTimeOffset ResolutionDue) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>The case was assigned to an agent, a team, or an agent within a team.</summary>
public sealed record CaseAssigned(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid? AgentId,
    string? Team) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>The case was escalated to a tier, a department, or both.</summary>
public sealed record CaseEscalated(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    EscalationTier? Tier,
    Department? Department,
    string Reason) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>A note was added; a customer-facing note is a reply sent to the customer.</summary>
public sealed record CaseNoteAdded(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    [property: PersonalData] string Text,
    NoteVisibility Visibility) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>Money was refunded; <paramref name="ApprovalRequestId"/> is set when an approval issued it.</summary>
public sealed record RefundIssued(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid RemedyId,
    Money Amount,
    string Reason,
    Guid? ApprovalRequestId) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>An exchange was arranged; <paramref name="Value"/> is the replacement's value.</summary>
public sealed record ExchangeArranged(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid RemedyId,
    string ReturnedSku,
    string ReplacementSku,
    Money Value,
    string Reason,
    Guid? ApprovalRequestId) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>A service was adjusted; <paramref name="Value"/> is what the adjustment is worth.</summary>
public sealed record ServiceAdjusted(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid RemedyId,
    string Adjustment,
    Money Value,
    string Reason,
    Guid? ApprovalRequestId) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>A remedy above the requester's authority was put up for approval.</summary>
public sealed record RemedyApprovalRequested(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid RequestId,
    RemedyProposal Remedy) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>An approval request was approved; the remedy event with <paramref name="RemedyId"/> follows it.</summary>
public sealed record RemedyApproved(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid RequestId,
    Guid RemedyId) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>An approval request was rejected.</summary>
public sealed record RemedyRejected(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid RequestId,
    string Reason) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>The case was resolved.</summary>
public sealed record CaseResolved(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    string Resolution,
    RootCause RootCause) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>A resolved case was reopened.</summary>
public sealed record CaseReopened(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    string Reason) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>A follow-up with the customer was scheduled.</summary>
public sealed record FollowUpScheduled(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid FollowUpId,
    DateTimeOffset DueAt,
    Channel Channel,
    [property: PersonalData] string? Note) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>A follow-up was done: the customer was satisfied or not.</summary>
public sealed record FollowUpCompleted(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid FollowUpId,
    bool CustomerSatisfied,
    [property: PersonalData] string? Note) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>The customer's survey answer: CSAT 1–5 and/or NPS 0–10, with their comment.</summary>
public sealed record SatisfactionRecorded(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    int? Csat,
    int? Nps,
    [property: PersonalData] string? Comment) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>The case was closed for good.</summary>
public sealed record CaseClosed(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By) : CaseEvent(CaseId, CustomerId, OccurredAt, By);

/// <summary>
/// An SLA clock ran out: recorded by the first command (or SLA check) after <paramref name="DueAt"/>
/// passed without the response or resolution.
/// </summary>
public sealed record SlaBreached(
    Guid CaseId,
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    SlaKind Kind,
    DateTimeOffset DueAt) : CaseEvent(CaseId, CustomerId, OccurredAt, By);
