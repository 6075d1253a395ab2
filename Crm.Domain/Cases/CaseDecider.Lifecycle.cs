using Crm.Domain.Common;

namespace Crm.Domain.Cases;

public static partial class CaseDecider
{
    private static Decision<CaseEvent> Open(OpenCase command, CaseState state, DateTimeOffset now)
    {
        if (state.Exists)
        {
            return new DomainError(DomainErrors.CaseAlreadyExists, $"Case {command.CaseId} already exists.", "caseId");
        }
        ArgumentNullException.ThrowIfNull(command.Sla);
        var error = Check.Id(command.CustomerId, "customerId")
            ?? Check.Defined(command.Kind, "kind")
            ?? Check.Defined(command.Category, "category")
            ?? Check.Defined(command.Priority, "priority")
            ?? Check.Defined(command.Channel, "channel")
            ?? Check.Required(command.Subject, "subject", DomainErrors.CaseSubjectRequired, "The case's subject must not be blank.", TextLimits.Line)
            ?? Check.Required(command.Description, "description", DomainErrors.CaseDescriptionRequired, "The case's description must not be blank.", TextLimits.Document)
            ?? (Money.IsCurrencyCode(command.Currency)
                ? null
                : new DomainError(DomainErrors.MoneyCurrencyInvalid, $"'{command.Currency}' is not a currency code; use three upper-case letters such as EUR.", "currency"));
        if (error is not null)
        {
            return error;
        }
        var target = command.Sla.For(command.Priority);
        return new CaseOpened(
            command.CaseId, command.CustomerId, now, command.Actor, command.Kind, command.Category, command.Priority, command.Channel,
            command.Subject.Trim(), command.Description.Trim(), command.Currency, now + target.FirstResponse, now + target.Resolution);
    }

    private static Decision<CaseEvent> Assign(AssignCase command, CaseState state, DateTimeOffset now)
    {
        var error = Changeable(state, "assign it") ?? Check.Id(command.AgentId, "agentId") ?? Check.Length(command.Team, "team", TextLimits.Line);
        if (error is not null)
        {
            return error;
        }
        var team = Check.Clean(command.Team);
        if (command.AgentId is null && team is null)
        {
            return new DomainError(DomainErrors.AssignmentTargetRequired, "Name the agent or the team the case is assigned to.", "agentId");
        }
        if (command.Actor.Role == ActorRole.Agent && command.AgentId is { } agent && agent != command.Actor.Id)
        {
            return new DomainError(DomainErrors.AuthForbidden, $"{command.Actor.Name} acts as Agent and may assign a case only to themselves or to a team; a Supervisor assigns it to another agent.", "agentId");
        }
        var assignee = new Assignee(command.AgentId, team);
        if (assignee == state.Assignee)
        {
            return Decision.Unchanged<CaseEvent>();
        }
        return new CaseAssigned(state.Id, state.CustomerId, now, command.Actor, assignee.AgentId, assignee.Team);
    }

    private static Decision<CaseEvent> Escalate(EscalateCase command, CaseState state, DateTimeOffset now)
    {
        var error = Changeable(state, "escalate it", resolvedAllowed: false)
            ?? Check.Defined(command.Tier, "tier")
            ?? Check.Defined(command.Department, "department");
        if (error is not null)
        {
            return error;
        }
        if (command.Tier is null && command.Department is null)
        {
            return new DomainError(DomainErrors.EscalationTargetRequired, "Name the tier (Supervisor, Manager) or the department the case is escalated to.", "tier");
        }
        error = Check.Required(command.Reason, "reason", DomainErrors.EscalationReasonRequired, "An escalation must give a reason.", TextLimits.Paragraph);
        if (error is not null)
        {
            return error;
        }
        if (command.Tier is { } tier)
        {
            var floor = Math.Max((int?)state.Tier ?? 0, command.Actor.Role.Seniority() ?? 0);
            if ((int)tier <= floor)
            {
                return new DomainError(
                    DomainErrors.EscalationNotHigher,
                    $"Escalating to {tier} goes no higher: the case is at {state.Tier?.ToString() ?? "agent level"} and {command.Actor.Name} acts as {command.Actor.Role}.",
                    "tier");
            }
        }
        else if (command.Department == state.Department)
        {
            return new DomainError(DomainErrors.EscalationAlreadyWithDepartment, $"Case {state.Id} is already escalated to {command.Department}.", "department");
        }
        return new CaseEscalated(state.Id, state.CustomerId, now, command.Actor, command.Tier, command.Department, command.Reason.Trim());
    }

    private static Decision<CaseEvent> AddNote(AddCaseNote command, CaseState state, DateTimeOffset now)
    {
        var error = Changeable(state, "add notes")
            ?? Check.Defined(command.Visibility, "visibility")
            ?? Check.Required(command.Text, "text", DomainErrors.NoteTextRequired, "The note must not be blank.", TextLimits.Document);
        return error ?? (Decision<CaseEvent>)new CaseNoteAdded(state.Id, state.CustomerId, now, command.Actor, command.Text.Trim(), command.Visibility);
    }

    private static Decision<CaseEvent> Resolve(ResolveCase command, CaseState state, DateTimeOffset now)
    {
        var error = Changeable(state, "resolve it again", resolvedAllowed: false)
            ?? Check.Defined(command.RootCause, "rootCause")
            ?? Check.Required(command.Resolution, "resolution", DomainErrors.ResolutionTextRequired, "Say how the case was resolved.", TextLimits.Paragraph);
        if (error is not null)
        {
            return error;
        }
        if (state.HasPendingApproval)
        {
            return new DomainError(DomainErrors.CaseApprovalPending, $"Case {state.Id} has a remedy approval request pending; approve or reject it before resolving.", "caseId");
        }
        if (state.Kind == CaseKind.Complaint && command.RootCause == RootCause.Unknown)
        {
            return new DomainError(DomainErrors.ResolutionRootCauseRequired, "A complaint is resolved only with its root cause established; Unknown is not accepted.", "rootCause");
        }
        return new CaseResolved(state.Id, state.CustomerId, now, command.Actor, command.Resolution.Trim(), command.RootCause);
    }

    private static Decision<CaseEvent> Reopen(ReopenCase command, CaseState state, DateTimeOffset now)
    {
        if (Changeable(state, "reopen it") is { } closed)
        {
            return closed;
        }
        if (state.Status != CaseStatus.Resolved)
        {
            return new DomainError(DomainErrors.CaseNotResolved, $"Case {state.Id} is {state.Status}; only a resolved case can be reopened.", "caseId");
        }
        var error = Check.Required(command.Reason, "reason", DomainErrors.ReopenReasonRequired, "Say why the case is reopened.", TextLimits.Paragraph);
        return error ?? (Decision<CaseEvent>)new CaseReopened(state.Id, state.CustomerId, now, command.Actor, command.Reason.Trim());
    }

    private static Decision<CaseEvent> Close(CloseCase command, CaseState state, DateTimeOffset now)
    {
        if (state.Status == CaseStatus.Closed)
        {
            return new DomainError(DomainErrors.CaseClosed, $"Case {state.Id} is already closed.", "caseId");
        }
        if (state.Status != CaseStatus.Resolved)
        {
            return new DomainError(DomainErrors.CaseNotResolved, $"Case {state.Id} is {state.Status}; resolve it before closing.", "caseId");
        }
        if (state.HasPendingApproval)
        {
            return new DomainError(DomainErrors.CaseApprovalPending, $"Case {state.Id} has a remedy approval request pending; approve or reject it before closing.", "caseId");
        }
        if (state.HasOpenFollowUp)
        {
            return new DomainError(DomainErrors.CaseFollowUpsPending, $"Case {state.Id} has a follow-up that is not done; complete it before closing.", "caseId");
        }
        return new CaseClosed(state.Id, state.CustomerId, now, command.Actor);
    }
}
