using Crm.Domain.Common;
using Crm.Domain.Policies;

namespace Crm.Domain.Cases;

public static partial class CaseDecider
{
    // Authority applies to the case's total: splitting one large remedy into several small ones
    // must not get around a limit.
    private static Decision<CaseEvent> IssueRemedy(CaseState state, Actor actor, DateTimeOffset now, AuthorityPolicy authority, Guid remedyId, RemedyProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var error = CheckRemedy(state, proposal, "issue remedies") ?? Check.Id(remedyId, "remedyId") ?? NewRemedyId(state, remedyId);
        if (error is not null)
        {
            return error;
        }
        var remedy = Cleaned(proposal);
        var total = state.RemedyTotal + remedy.Value.Amount;
        if (!authority.Covers(actor.Role, total))
        {
            return new DomainError(
                DomainErrors.RemedyOverAuthority,
                $"Remedies on case {state.Id} would total {Amount(total, state.Currency)}, above the {Limit(authority, actor.Role, state.Currency)} limit of {actor.Name} as {actor.Role}; request approval instead.",
                "value");
        }
        return RemedyEvent(state, actor, now, remedyId, remedy, approvalRequestId: null);
    }

    private static Decision<CaseEvent> RequestApproval(RequestRemedyApproval command, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command.Authority);
        var error = CheckRemedy(state, command.Remedy, "request remedies") ?? Check.Id(command.RequestId, "requestId");
        if (error is not null)
        {
            return error;
        }
        var remedy = Cleaned(command.Remedy);
        if (state.Approvals.ContainsKey(command.RequestId))
        {
            return new DomainError(DomainErrors.ApprovalAlreadyRequested, $"Approval request {command.RequestId} already exists on case {state.Id}.", "requestId");
        }
        var total = state.RemedyTotal + remedy.Value.Amount;
        if (command.Authority.Covers(command.Actor.Role, total))
        {
            return new DomainError(
                DomainErrors.ApprovalWithinAuthority,
                $"Remedies on case {state.Id} would total {Amount(total, state.Currency)}, within the {Limit(command.Authority, command.Actor.Role, state.Currency)} limit of {command.Actor.Name}; issue the remedy directly.",
                "remedy");
        }
        return new RemedyApprovalRequested(state.Id, state.CustomerId, now, command.Actor, command.RequestId, remedy);
    }

    private static Decision<CaseEvent> Approve(ApproveRemedy command, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command.Authority);
        var (request, error) = Decidable(state, command.RequestId, command.Actor, command.Authority, "approve");
        error ??= Check.Id(command.RemedyId, "remedyId") ?? NewRemedyId(state, command.RemedyId);
        if (error is not null)
        {
            return error;
        }
        return Decision.Accept<CaseEvent>(
            new RemedyApproved(state.Id, state.CustomerId, now, command.Actor, request!.Id, command.RemedyId),
            RemedyEvent(state, command.Actor, now, command.RemedyId, request.Remedy, request.Id));
    }

    private static Decision<CaseEvent> Reject(RejectRemedy command, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command.Authority);
        var (request, error) = Decidable(state, command.RequestId, command.Actor, command.Authority, "reject");
        error ??= Check.Required(command.Reason, "reason", DomainErrors.ApprovalReasonRequired, "A rejection must give a reason.", TextLimits.Paragraph);
        return error ?? (Decision<CaseEvent>)new RemedyRejected(state.Id, state.CustomerId, now, command.Actor, request!.Id, command.Reason.Trim());
    }

    /// <summary>A pending request that this actor may decide: not their own, and within their authority.</summary>
    private static (ApprovalRequest? Request, DomainError? Error) Decidable(CaseState state, Guid requestId, Actor actor, AuthorityPolicy authority, string verb)
    {
        if (Changeable(state, $"{verb} remedies") is { } closed)
        {
            return (null, closed);
        }
        if (Check.Id(requestId, "requestId") is { } idError)
        {
            return (null, idError);
        }
        if (!state.Approvals.TryGetValue(requestId, out var request))
        {
            return (null, new(DomainErrors.ApprovalNotFound, $"No approval request {requestId} exists on case {state.Id}.", "requestId"));
        }
        if (request.Status != ApprovalStatus.Pending)
        {
            return (request, new(DomainErrors.ApprovalAlreadyDecided, $"Approval request {requestId} was already {request.Status.ToString().ToLowerInvariant()} by {request.DecidedBy?.Name}.", "requestId"));
        }
        if (request.RequestedBy.Id == actor.Id)
        {
            return (request, new(DomainErrors.ApprovalByRequester, $"{actor.Name} requested this approval and cannot {verb} it; someone else must decide.", "actor"));
        }
        var total = state.RemedyTotal + request.Remedy.Value.Amount;
        if (!authority.Covers(actor.Role, total))
        {
            return (request, new(
                DomainErrors.ApprovalOverAuthority,
                $"Remedies on case {state.Id} would total {Amount(total, state.Currency)}, above the {Limit(authority, actor.Role, state.Currency)} limit of {actor.Name} as {actor.Role}; someone with a higher limit must {verb} it.",
                "actor"));
        }
        return (request, null);
    }

    /// <summary>Checks a remedy against the case: the case takes remedies, and the remedy is complete and worth something in the case's currency.</summary>
    private static DomainError? CheckRemedy(CaseState state, RemedyProposal? proposal, string action)
    {
        if (Changeable(state, action) is { } closed)
        {
            return closed;
        }
        if (proposal?.Value is null)
        {
            return new(DomainErrors.RemedyAmountNotPositive, "The remedy has no amount.", "value");
        }
        if (Check.Defined(proposal.Kind, "remedy.kind") is { } kindError)
        {
            return kindError;
        }
        if (proposal.Value.Amount <= 0)
        {
            return new(DomainErrors.RemedyAmountNotPositive, $"A remedy must be worth more than zero; {proposal.Value} is not.", "value");
        }
        if (proposal.Value.Currency != state.Currency)
        {
            return new(DomainErrors.RemedyCurrencyMismatch, $"The remedy is in {proposal.Value.Currency} but case {state.Id} is in {state.Currency}.", "value");
        }
        return Check.Required(proposal.Reason, "reason", DomainErrors.RemedyReasonRequired, "A remedy must give a reason.", TextLimits.Paragraph)
            ?? proposal.Kind switch
            {
                RemedyKind.Exchange =>
                    Check.Required(proposal.ReturnedSku, "returnedSku", DomainErrors.RemedySkuRequired, "An exchange must name the SKU the customer returns.", TextLimits.Line)
                    ?? Check.Required(proposal.ReplacementSku, "replacementSku", DomainErrors.RemedySkuRequired, "An exchange must name the replacement SKU.", TextLimits.Line),
                RemedyKind.ServiceAdjustment =>
                    Check.Required(proposal.Adjustment, "adjustment", DomainErrors.RemedyAdjustmentRequired, "A service adjustment must say what is adjusted.", TextLimits.Paragraph),
                _ => null,
            };
    }

    /// <summary>A checked remedy, trimmed and with only its own kind's fields.</summary>
    private static RemedyProposal Cleaned(RemedyProposal remedy) => remedy.Kind switch
    {
        RemedyKind.Exchange => RemedyProposal.Exchange(remedy.ReturnedSku!.Trim(), remedy.ReplacementSku!.Trim(), remedy.Value, remedy.Reason.Trim()),
        RemedyKind.ServiceAdjustment => RemedyProposal.ServiceAdjustment(remedy.Adjustment!.Trim(), remedy.Value, remedy.Reason.Trim()),
        _ => RemedyProposal.Refund(remedy.Value, remedy.Reason.Trim()),
    };

    private static DomainError? NewRemedyId(CaseState state, Guid remedyId) =>
        state.Remedies.ContainsKey(remedyId)
            ? new(DomainErrors.RemedyAlreadyIssued, $"Remedy {remedyId} was already issued on case {state.Id}.", "remedyId")
            : null;

    private static CaseEvent RemedyEvent(CaseState state, Actor by, DateTimeOffset now, Guid remedyId, RemedyProposal remedy, Guid? approvalRequestId) => remedy.Kind switch
    {
        RemedyKind.Exchange => new ExchangeArranged(state.Id, state.CustomerId, now, by, remedyId, remedy.ReturnedSku!, remedy.ReplacementSku!, remedy.Value, remedy.Reason, approvalRequestId),
        RemedyKind.ServiceAdjustment => new ServiceAdjusted(state.Id, state.CustomerId, now, by, remedyId, remedy.Adjustment!, remedy.Value, remedy.Reason, approvalRequestId),
        _ => new RefundIssued(state.Id, state.CustomerId, now, by, remedyId, remedy.Value, remedy.Reason, approvalRequestId),
    };

    private static string Amount(decimal amount, string currency) => new Money(amount, currency).ToString();

    private static string Limit(AuthorityPolicy authority, ActorRole role, string currency) =>
        authority.LimitFor(role) is { } limit ? Amount(limit, currency) : "unlimited";
}
