using Crm.Domain.Common;

namespace Crm.Domain.Cases;

/// <summary>
/// The case aggregate's decisions: <see cref="Decide"/> turns a command and the current state into
/// events or a refusal; <see cref="Evolve"/> applies one event to the state. Both are pure.
/// </summary>
/// <remarks>
/// Every accepted command on an existing case first records the SLA breaches that became due
/// (<see cref="SlaBreached"/>), so a breach is on record no matter which command notices it.
/// </remarks>
public static partial class CaseDecider
{
    /// <summary>The state before the first event.</summary>
    public static CaseState Initial => CaseState.Initial;

    /// <summary>Decides <paramref name="command"/> against <paramref name="state"/>: the events to append, or why not (and then no events).</summary>
    public static Decision<CaseEvent> Decide(CaseCommand command, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);

        var error = Check.Writer(command.Actor, $"issue {command.GetType().Name}", systemAllowed: command is CheckSla)
            ?? Check.Id(command.CaseId, "caseId")
            ?? (state.Exists && state.Id != command.CaseId
                ? new DomainError(DomainErrors.CommandStreamMismatch, $"The command is for case {command.CaseId} but was decided against case {state.Id}.", "caseId")
                : null);
        if (error is not null)
        {
            return error;
        }
        var now = command.Now.ToUniversalTime();
        if (command is OpenCase open)
        {
            return Open(open, state, now);
        }
        if (!state.Exists)
        {
            return new DomainError(DomainErrors.CaseNotFound, $"No case {command.CaseId} exists.", "caseId");
        }
        var decision = command switch
        {
            AssignCase c => Assign(c, state, now),
            EscalateCase c => Escalate(c, state, now),
            AddCaseNote c => AddNote(c, state, now),
            IssueRefund c => IssueRemedy(state, c.Actor, now, c.Authority, c.RemedyId, RemedyProposal.Refund(c.Amount, c.Reason)),
            ArrangeExchange c => IssueRemedy(state, c.Actor, now, c.Authority, c.RemedyId, RemedyProposal.Exchange(c.ReturnedSku, c.ReplacementSku, c.Value, c.Reason)),
            AdjustService c => IssueRemedy(state, c.Actor, now, c.Authority, c.RemedyId, RemedyProposal.ServiceAdjustment(c.Adjustment, c.Value, c.Reason)),
            RequestRemedyApproval c => RequestApproval(c, state, now),
            ApproveRemedy c => Approve(c, state, now),
            RejectRemedy c => Reject(c, state, now),
            ResolveCase c => Resolve(c, state, now),
            ReopenCase c => Reopen(c, state, now),
            ScheduleFollowUp c => ScheduleFollowUp(c, state, now),
            CompleteFollowUp c => CompleteFollowUp(c, state, now),
            RecordSatisfaction c => RecordSatisfaction(c, state, now),
            CloseCase c => Close(c, state, now),
            CheckSla => Decision.Unchanged<CaseEvent>(),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown case command."),
        };
        return decision.IsAccepted
            ? Decision.Accept(DueBreaches(state, command.Actor, now).Concat(decision.Events))
            : decision;
    }

    /// <summary>Folds <see cref="Evolve"/> over <paramref name="events"/> from <see cref="Initial"/>.</summary>
    public static CaseState Replay(IEnumerable<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Initial, Evolve);
    }

    /// <summary>The breaches that are due at <paramref name="now"/> and not yet recorded.</summary>
    private static IEnumerable<CaseEvent> DueBreaches(CaseState state, Actor by, DateTimeOffset now)
    {
        if (state.FirstResponseAt is null && !state.FirstResponseBreached && now > state.FirstResponseDue)
        {
            yield return new SlaBreached(state.Id, state.CustomerId, now, by, SlaKind.FirstResponse, state.FirstResponseDue);
        }
        if (state.FirstResolvedAt is null && !state.ResolutionBreached && now > state.ResolutionDue)
        {
            yield return new SlaBreached(state.Id, state.CustomerId, now, by, SlaKind.Resolution, state.ResolutionDue);
        }
    }

    /// <summary>Refuses changes to a closed case, and optionally to a resolved one.</summary>
    private static DomainError? Changeable(CaseState state, string action, bool resolvedAllowed = true) => state.Status switch
    {
        CaseStatus.Closed => new(DomainErrors.CaseClosed, $"Case {state.Id} is closed; you cannot {action}. Open a new case instead.", "caseId"),
        CaseStatus.Resolved when !resolvedAllowed => new(DomainErrors.CaseNotOpen, $"Case {state.Id} is resolved; reopen it before you {action}.", "caseId"),
        _ => null,
    };
}
