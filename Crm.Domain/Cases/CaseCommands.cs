using Crm.Domain.Common;
using Crm.Domain.Policies;

namespace Crm.Domain.Cases;

/// <summary>A request to change a case, decided by <see cref="CaseDecider"/>.</summary>
public abstract record CaseCommand
{
    private protected CaseCommand(Guid caseId, Actor actor, DateTimeOffset now)
    {
        CaseId = caseId;
        Actor = actor;
        Now = now;
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>Who asks.</summary>
    public Actor Actor { get; init; }

    /// <summary>The current time, given by the caller (the domain has no clock).</summary>
    public DateTimeOffset Now { get; init; }
}

/// <summary>
/// Open a case for a customer. The SLA due times come from <paramref name="Sla"/>; the handler
/// checks beforehand that the customer exists and is not erased
/// (<see cref="Customers.CustomerDecider.EnsureWritable"/>).
/// </summary>
public sealed record OpenCase(
    Guid CaseId,
    Guid CustomerId,
    CaseKind Kind,
    CaseCategory Category,
    Priority Priority,
    Channel Channel,
    string Subject,
    string Description,
    string Currency,
    SlaPolicy Sla,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Assign the case to an agent, a team, or both. An Agent may assign only to themselves or to a team.</summary>
public sealed record AssignCase(
    Guid CaseId,
    Guid? AgentId,
    string? Team,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Escalate the case to a tier and/or a department.</summary>
public sealed record EscalateCase(
    Guid CaseId,
    EscalationTier? Tier,
    Department? Department,
    string Reason,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Add a note; a customer-facing note is a reply to the customer.</summary>
public sealed record AddCaseNote(
    Guid CaseId,
    string Text,
    NoteVisibility Visibility,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Refund money within the actor's authority.</summary>
public sealed record IssueRefund(
    Guid CaseId,
    Guid RemedyId,
    Money Amount,
    string Reason,
    AuthorityPolicy Authority,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Arrange an exchange within the actor's authority.</summary>
public sealed record ArrangeExchange(
    Guid CaseId,
    Guid RemedyId,
    string ReturnedSku,
    string ReplacementSku,
    Money Value,
    string Reason,
    AuthorityPolicy Authority,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Adjust a service within the actor's authority.</summary>
public sealed record AdjustService(
    Guid CaseId,
    Guid RemedyId,
    string Adjustment,
    Money Value,
    string Reason,
    AuthorityPolicy Authority,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Ask for approval of a remedy above the actor's authority.</summary>
public sealed record RequestRemedyApproval(
    Guid CaseId,
    Guid RequestId,
    RemedyProposal Remedy,
    AuthorityPolicy Authority,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Approve a pending request; this issues the remedy with <paramref name="RemedyId"/>.</summary>
public sealed record ApproveRemedy(
    Guid CaseId,
    Guid RequestId,
    Guid RemedyId,
    AuthorityPolicy Authority,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Reject a pending request.</summary>
public sealed record RejectRemedy(
    Guid CaseId,
    Guid RequestId,
    string Reason,
    AuthorityPolicy Authority,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Resolve the case.</summary>
public sealed record ResolveCase(
    Guid CaseId,
    string Resolution,
    RootCause RootCause,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Reopen a resolved case.</summary>
public sealed record ReopenCase(
    Guid CaseId,
    string Reason,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Schedule a follow-up with the customer.</summary>
public sealed record ScheduleFollowUp(
    Guid CaseId,
    Guid FollowUpId,
    DateTimeOffset DueAt,
    Channel Channel,
    string? Note,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Record that a follow-up was done and whether the customer was satisfied.</summary>
public sealed record CompleteFollowUp(
    Guid CaseId,
    Guid FollowUpId,
    bool CustomerSatisfied,
    string? Note,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Record the customer's survey answer (CSAT and/or NPS) for a resolved or closed case.</summary>
public sealed record RecordSatisfaction(
    Guid CaseId,
    int? Csat,
    int? Nps,
    string? Comment,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Close a resolved case.</summary>
public sealed record CloseCase(
    Guid CaseId,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);

/// <summary>Record any SLA breach that is due. A system command: the SLA clock's scheduled check issues it, as may staff.</summary>
public sealed record CheckSla(
    Guid CaseId,
    Actor Actor,
    DateTimeOffset Now) : CaseCommand(CaseId, Actor, Now);
