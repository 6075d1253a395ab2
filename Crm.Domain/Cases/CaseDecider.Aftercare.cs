using Crm.Domain.Common;

namespace Crm.Domain.Cases;

public static partial class CaseDecider
{
    private static Decision<CaseEvent> ScheduleFollowUp(ScheduleFollowUp command, CaseState state, DateTimeOffset now)
    {
        var error = Changeable(state, "schedule follow-ups")
            ?? Check.Id(command.FollowUpId, "followUpId")
            ?? Check.Defined(command.Channel, "channel")
            ?? Check.Length(command.Note, "note", TextLimits.Document);
        if (error is not null)
        {
            return error;
        }
        if (state.FollowUps.ContainsKey(command.FollowUpId))
        {
            return new DomainError(DomainErrors.FollowUpAlreadyScheduled, $"Follow-up {command.FollowUpId} is already scheduled on case {state.Id}.", "followUpId");
        }
        if (command.DueAt <= now)
        {
            return new DomainError(DomainErrors.FollowUpDueInPast, $"The follow-up would be due at {command.DueAt:O}, which is not later than now ({now:O}).", "dueAt");
        }
        return new FollowUpScheduled(state.Id, state.CustomerId, now, command.Actor, command.FollowUpId, command.DueAt.ToUniversalTime(), command.Channel, Check.Clean(command.Note));
    }

    private static Decision<CaseEvent> CompleteFollowUp(CompleteFollowUp command, CaseState state, DateTimeOffset now)
    {
        var error = Changeable(state, "complete follow-ups")
            ?? Check.Id(command.FollowUpId, "followUpId")
            ?? Check.Length(command.Note, "note", TextLimits.Document);
        if (error is not null)
        {
            return error;
        }
        if (!state.FollowUps.TryGetValue(command.FollowUpId, out var followUp))
        {
            return new DomainError(DomainErrors.FollowUpNotFound, $"No follow-up {command.FollowUpId} is scheduled on case {state.Id}.", "followUpId");
        }
        if (followUp.IsCompleted)
        {
            return new DomainError(DomainErrors.FollowUpAlreadyCompleted, $"Follow-up {command.FollowUpId} was already completed at {followUp.CompletedAt:O}.", "followUpId");
        }
        return new FollowUpCompleted(state.Id, state.CustomerId, now, command.Actor, followUp.Id, command.CustomerSatisfied, Check.Clean(command.Note));
    }

    // Survey answers often arrive after the case was closed, so a closed case still takes one.
    private static Decision<CaseEvent> RecordSatisfaction(RecordSatisfaction command, CaseState state, DateTimeOffset now)
    {
        if (state.Status == CaseStatus.Open)
        {
            return new DomainError(DomainErrors.SatisfactionCaseNotResolved, $"Case {state.Id} is still open; satisfaction is recorded once it is resolved.", "caseId");
        }
        if (command.Csat is null && command.Nps is null)
        {
            return new DomainError(DomainErrors.SatisfactionEmpty, "Give a CSAT score (1–5), an NPS score (0–10) or both.", "csat");
        }
        if (command.Csat is < 1 or > 5)
        {
            return new DomainError(DomainErrors.SatisfactionCsatOutOfRange, $"CSAT must be from 1 to 5; {command.Csat} is not.", "csat");
        }
        if (command.Nps is < 0 or > 10)
        {
            return new DomainError(DomainErrors.SatisfactionNpsOutOfRange, $"NPS must be from 0 to 10; {command.Nps} is not.", "nps");
        }
        if (Check.Length(command.Comment, "comment", TextLimits.Document) is { } tooLong)
        {
            return tooLong;
        }
        if (state.Satisfaction is { } recorded)
        {
            return new DomainError(DomainErrors.SatisfactionAlreadyRecorded, $"Case {state.Id} already has a satisfaction answer, recorded at {recorded.RecordedAt:O}.", "caseId");
        }
        return new SatisfactionRecorded(state.Id, state.CustomerId, now, command.Actor, command.Csat, command.Nps, Check.Clean(command.Comment));
    }
}
