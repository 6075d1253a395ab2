using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;

namespace Crm.Api.Seeding;

internal sealed partial class CustomerSimulation
{
    /// <summary>What follows a resolution: a reopening, or a follow-up, a survey answer and the closing.</summary>
    private void AfterResolution(CaseFlow flow)
    {
        var reopen = flow.State.ReopenCount == 0 && _random.Chance(flow.Kind switch
        {
            CaseKind.Complaint => flow.Rejected ? 0.2 : 0.09,
            CaseKind.TechnicalIssue => 0.08,
            _ => 0.03,
        });
        if (reopen)
        {
            // Surveys, follow-ups and the closing wait for the final resolution.
            Schedule(_random.OfficeTime(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(_random.Number(1, 10))), ct => ReopenAsync(flow, ct));
            return;
        }
        var closeAfter = Now;
        if (_random.Chance(flow.Kind switch
        {
            CaseKind.Complaint => 0.35,
            CaseKind.TechnicalIssue => 0.3,
            _ => 0.08,
        }))
        {
            var due = _random.OfficeTime(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(_random.Number(2, 7)), quieterWeekends: false);
            var followUpId = NewId();
            Schedule(Now, ct => ScheduleFollowUpAsync(flow, followUpId, due, ct));
            closeAfter = due + TimeSpan.FromHours(_random.Double(0, 6));
            Schedule(closeAfter, ct => CompleteFollowUpAsync(flow, followUpId, ct));
        }
        if (!flow.State.SatisfactionRecorded && _random.Chance(0.45))
        {
            Schedule(Now + _random.Between(TimeSpan.FromHours(2), TimeSpan.FromDays(4)), ct => SurveyAsync(flow, ct));
        }
        if (_random.Chance(0.85))
        {
            Schedule(Max(Now + _random.Between(TimeSpan.FromDays(2), TimeSpan.FromDays(14)), closeAfter + _random.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2))), ct => CloseAsync(flow, ct));
        }
    }

    private async Task ScheduleFollowUpAsync(CaseFlow flow, Guid followUpId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Closed || due <= Now)
        {
            return;
        }
        await OnCaseAsync(flow, nameof(CrmCommands.ScheduleFollowUpAsync), _commands.ScheduleFollowUpAsync(
            As(flow.Handler),
            new ScheduleFollowUpInput(flow.Id, due, _random.Chance(0.7) ? Channel.Phone : Channel.Email, SeedTexts.FollowUpNote(_random)) { FollowUpId = followUpId },
            cancellationToken));
    }

    /// <summary>The follow-up takes place, often as a call to the customer.</summary>
    private async Task CompleteFollowUpAsync(CaseFlow flow, Guid followUpId, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Closed || !flow.State.FollowUps.TryGetValue(followUpId, out var followUp) || followUp.IsCompleted)
        {
            return;
        }
        var satisfied = _random.Chance(flow.Rejected ? 0.55 : 0.82);
        var note = SeedTexts.FollowUpOutcome(_random, satisfied);
        if (followUp.Channel == Channel.Phone)
        {
            var startedAt = Now;
            var handling = HandlingTimes(Channel.Phone, 0.5);
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.9));
            if (await CompleteAsync())
            {
                await LogContactAsync(flow.Handler, Channel.Phone, Direction.Outbound, null, "Follow-up", note, startedAt, handling, flow.Id, cancellationToken);
            }
            return;
        }
        await CompleteAsync();

        Task<bool> CompleteAsync() => OnCaseAsync(flow, nameof(CrmCommands.CompleteFollowUpAsync), _commands.CompleteFollowUpAsync(
            As(flow.Handler), new CompleteFollowUpInput(flow.Id, followUpId, satisfied, note), cancellationToken));
    }

    /// <summary>The customer comes back: the problem is not solved after all. The case is reopened and worked again.</summary>
    private async Task ReopenAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Resolved)
        {
            return;
        }
        BeginEpisode();
        var channel = _random.ArrayElement(new[] { Channel.Phone, Channel.Email, Channel.Chat });
        var agent = _seed.Staff.Agent(_random, flow.Team);
        var queue = SeedCatalog.QueueFor(channel, flow.Team, _segment);
        MaybeAbandonedBefore(channel, queue);
        var startedAt = Now;
        var handling = HandlingTimes(channel, 1.0);
        _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.5));
        if (!await OnCaseAsync(flow, nameof(CrmCommands.ReopenCaseAsync), _commands.ReopenCaseAsync(
            As(agent), new ReopenCaseInput(flow.Id, SeedTexts.ReopenReason(_random)), cancellationToken)))
        {
            return;
        }
        await LogContactAsync(agent, channel, Direction.Inbound, queue, SeedTexts.Topic(flow.Kind, flow.Category),
            SeedTexts.ContactSummary(_random, opening: false, flow.Subject, flow.About), startedAt, handling, flow.Id, cancellationToken);
        flow.ResolveBy = Now + _random.Between(TimeSpan.FromHours(4), TimeSpan.FromDays(4));
        if (flow.Kind != CaseKind.Inquiry && _random.Chance(0.3))
        {
            Schedule(Now + ((flow.ResolveBy - Now) * _random.Double(0.2, 0.6)), ct => RemedyAsync(flow, ct));
        }
        else
        {
            Schedule(flow.ResolveBy, ct => ResolveAsync(flow, ct));
        }
    }

    /// <summary>The customer answers the survey: CSAT and/or NPS, lower after rejections, reopenings and missed SLAs.</summary>
    private async Task SurveyAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Open || flow.State.SatisfactionRecorded)
        {
            return;
        }
        var mood = 0.0;
        mood -= flow.Kind == CaseKind.Complaint ? 0.35 : 0.0;
        mood -= flow.Rejected ? 0.8 : 0.0;
        mood -= flow.State.ReopenCount > 0 ? 0.6 : 0.0;
        mood -= flow.State.FirstResponseBreached || flow.State.ResolutionBreached ? 0.5 : 0.0;
        mood += flow.State.Remedies.Count > 0 ? 0.3 : 0.0;
        var csat = (int)Math.Clamp(Math.Round(_random.Normal(4.45 + mood, 0.95)), 1, 5);
        var nps = (int)Math.Clamp(Math.Round(((csat - 1) * 2.3) + _random.Normal(0.6, 1.2)), 0, 10);
        var asked = _random.Double();
        var (answerCsat, answerNps) = asked < 0.6 ? (csat, nps) : asked < 0.88 ? ((int?)csat, (int?)null) : (null, nps);
        await OnCaseAsync(flow, nameof(CrmCommands.RecordSatisfactionAsync), _commands.RecordSatisfactionAsync(
            As(flow.Owner), new RecordSatisfactionInput(flow.Id, answerCsat, answerNps, SeedTexts.SurveyComment(_random, answerCsat, answerNps)), cancellationToken));
    }

    private async Task CloseAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Resolved || flow.State.HasOpenFollowUp || flow.State.HasPendingApproval)
        {
            return;
        }
        await OnCaseAsync(flow, nameof(CrmCommands.CloseCaseAsync), _commands.CloseCaseAsync(As(flow.Handler), new CloseCaseInput(flow.Id), cancellationToken));
    }
}
