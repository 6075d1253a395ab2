using Crm.Domain.Common;

namespace Crm.Domain.Cases;

public static partial class CaseDecider
{
    /// <summary>Applies one event to the state.</summary>
    public static CaseState Evolve(CaseState state, CaseEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        var next = Apply(state, @event);
        return next.FirstResponseAt is null && CaseRules.IsResponse(@event)
            ? next with { FirstResponseAt = @event.OccurredAt }
            : next;
    }

    private static CaseState Apply(CaseState state, CaseEvent @event) => @event switch
    {
        CaseOpened e => state with
        {
            Id = e.CaseId,
            Status = CaseStatus.Open,
            CustomerId = e.CustomerId,
            Kind = e.Kind,
            Category = e.Category,
            Priority = e.Priority,
            Channel = e.Channel,
            Currency = e.Currency,
            OpenedAt = e.OccurredAt,
            OpenedBy = e.By.Id,
            FirstResponseDue = e.FirstResponseDue,
            ResolutionDue = e.ResolutionDue,
        },
        CaseAssigned e => state with { Assignee = new Assignee(e.AgentId, e.Team) },
        CaseEscalated e => state with
        {
            Tier = e.Tier ?? state.Tier,
            Department = e.Department ?? state.Department,
            Escalations = state.Escalations.Add(new Escalation(e.Tier, e.Department, e.Reason, e.OccurredAt, e.By.Id)),
        },
        CaseNoteAdded => state with { NoteCount = state.NoteCount + 1 },
        RefundIssued e => WithRemedy(state, e, RemedyKind.Refund, e.RemedyId, e.Amount, e.ApprovalRequestId),
        ExchangeArranged e => WithRemedy(state, e, RemedyKind.Exchange, e.RemedyId, e.Value, e.ApprovalRequestId),
        ServiceAdjusted e => WithRemedy(state, e, RemedyKind.ServiceAdjustment, e.RemedyId, e.Value, e.ApprovalRequestId),
        RemedyApprovalRequested e => state with
        {
            Approvals = state.Approvals.SetItem(e.RequestId, new ApprovalRequest(e.RequestId, e.Remedy, e.By, e.OccurredAt, ApprovalStatus.Pending, null, null, null)),
        },
        RemedyApproved e => WithDecision(state, e.RequestId, request => request with { Status = ApprovalStatus.Approved, DecidedBy = e.By, DecidedAt = e.OccurredAt, RemedyId = e.RemedyId }),
        RemedyRejected e => WithDecision(state, e.RequestId, request => request with { Status = ApprovalStatus.Rejected, DecidedBy = e.By, DecidedAt = e.OccurredAt }),
        CaseResolved e => state with
        {
            Status = CaseStatus.Resolved,
            ResolvedAt = e.OccurredAt,
            FirstResolvedAt = state.FirstResolvedAt ?? e.OccurredAt,
            RootCause = e.RootCause,
        },
        CaseReopened => state with { Status = CaseStatus.Open, ResolvedAt = null, ReopenCount = state.ReopenCount + 1 },
        FollowUpScheduled e => state with
        {
            FollowUps = state.FollowUps.SetItem(e.FollowUpId, new FollowUp(e.FollowUpId, e.DueAt, e.Channel, null, null)),
        },
        FollowUpCompleted e => state.FollowUps.TryGetValue(e.FollowUpId, out var followUp)
            ? state with { FollowUps = state.FollowUps.SetItem(e.FollowUpId, followUp with { CompletedAt = e.OccurredAt, CustomerSatisfied = e.CustomerSatisfied }) }
            : state,
        SatisfactionRecorded e => state with { Satisfaction = new Satisfaction(e.Csat, e.Nps, e.OccurredAt) },
        CaseClosed e => state with { Status = CaseStatus.Closed, ClosedAt = e.OccurredAt },
        SlaBreached { Kind: SlaKind.FirstResponse } => state with { FirstResponseBreached = true },
        SlaBreached => state with { ResolutionBreached = true },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown case event."),
    };

    private static CaseState WithRemedy(CaseState state, CaseEvent @event, RemedyKind kind, Guid remedyId, Money value, Guid? approvalRequestId) =>
        state with { Remedies = state.Remedies.SetItem(remedyId, new IssuedRemedy(remedyId, kind, value, @event.OccurredAt, @event.By.Id, approvalRequestId)) };

    private static CaseState WithDecision(CaseState state, Guid requestId, Func<ApprovalRequest, ApprovalRequest> decide) =>
        state.Approvals.TryGetValue(requestId, out var request)
            ? state with { Approvals = state.Approvals.SetItem(requestId, decide(request)) }
            : state;
}
