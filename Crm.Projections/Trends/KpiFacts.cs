using System.Globalization;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using Crm.Projections.Engine;

namespace Crm.Projections.Trends;

/// <summary>
/// Turns events into counter changes per day and dimension value; the trend and agent projections
/// both use it, each with its own remembered <see cref="CaseFacts"/>.
/// </summary>
/// <remarks>
/// <para>Where each counter is filed (day is the UTC day of the event's time, except contacts, which
/// are filed under the day they started):</para>
/// <list type="bullet">
/// <item>Contacts: under their channel, queue (if any), agent, and — when linked to a case — the
/// case's category and kind. Phone and Chat contacts are handled contacts with talk, hold and
/// wrap-up seconds; an inbound contact with a queue is an answered, offered contact.</item>
/// <item>Abandoned contacts: under their channel and queue; each is also an offered contact.</item>
/// <item>Case counters (opened, complaints, escalations, remedies, refunds, resolutions, reopens,
/// SLA, first response and resolution times, surveys): under the case's category, kind and channel,
/// and the agent the case is assigned to when the event happens — or, if no agent is assigned, the
/// staff member (Agent, Supervisor, Manager) who acted.</item>
/// <item>Resolved cases are counted once, at their first resolution, which also files the case in
/// FCR's denominator; the numerator holds those of them that currently have exactly one customer
/// contact and were never reopened — a later contact or reopening takes the case out again, on the
/// day and under the agent of the first resolution.</item>
/// <item>Every event also counts under the <c>total</c> dimension (value <c>all</c>).</item>
/// </list>
/// </remarks>
internal sealed class KpiFacts(IReadOnlyDictionary<Guid, CaseFacts> cases, CounterDeltas deltas)
{
    /// <summary>The cases whose facts a batch of events reads or changes.</summary>
    public static HashSet<Guid> CaseIds(IEnumerable<ProjectedEvent> events)
    {
        var ids = new HashSet<Guid>();
        foreach (var projected in events)
        {
            switch (projected.Event)
            {
                case CaseEvent e:
                    ids.Add(e.CaseId);
                    break;
                case InteractionLogged { CaseId: { } caseId }:
                    ids.Add(caseId);
                    break;
                default:
                    break;
            }
        }
        return ids;
    }

    public void Apply(ProjectedEvent projected)
    {
        switch (projected.Event)
        {
            case InteractionLogged e:
                Contact(e);
                break;
            case ContactAbandoned e:
                Abandoned(e, projected.OccurredAt);
                break;
            case CaseEvent e:
                Case(e, projected.OccurredAt);
                break;
            default:
                break;
        }
    }

    private void Contact(InteractionLogged e)
    {
        var linked = e.CaseId is { } caseId ? cases[caseId] : null;
        var targets = new List<(string, string)>
        {
            (TrendDimensions.Total, TrendDimensions.All),
            (TrendDimensions.Channel, e.Channel.ToString()),
            (TrendDimensions.Agent, Id(e.AgentId)),
        };
        if (e.Queue is { } queue)
        {
            targets.Add((TrendDimensions.Queue, queue));
        }
        if (linked?.Category is { } category)
        {
            targets.Add((TrendDimensions.Category, category));
        }
        if (linked?.Kind is { } kind)
        {
            targets.Add((TrendDimensions.Kind, kind));
        }
        var day = EventTime.Day(e.StartedAt);
        deltas.Add(day, targets, Counter.Contacts, 1);
        if (e.Channel is Channel.Phone or Channel.Chat)
        {
            deltas.Add(day, targets, Counter.HandledContacts, 1);
            deltas.Add(day, targets, Counter.TalkSeconds, e.TalkSeconds);
            deltas.Add(day, targets, Counter.HoldSeconds, e.HoldSeconds);
            deltas.Add(day, targets, Counter.WrapUpSeconds, e.WrapUpSeconds);
        }
        if (e.Direction == Direction.Inbound && e.Queue is not null)
        {
            deltas.Add(day, targets, Counter.OfferedContacts, 1);
        }
        if (linked is not null)
        {
            linked.Contacts++;
            ReconcileFcr(linked);
        }
    }

    private void Abandoned(ContactAbandoned e, DateTimeOffset at)
    {
        IReadOnlyList<(string, string)> targets =
        [
            (TrendDimensions.Total, TrendDimensions.All),
            (TrendDimensions.Channel, e.Channel.ToString()),
            (TrendDimensions.Queue, e.Queue),
        ];
        var day = EventTime.Day(at);
        deltas.Add(day, targets, Counter.AbandonedContacts, 1);
        deltas.Add(day, targets, Counter.OfferedContacts, 1);
    }

    private void Case(CaseEvent @event, DateTimeOffset occurredAt)
    {
        var c = cases[@event.CaseId];
        var at = EventTime.Of(occurredAt);
        var day = EventTime.Day(at);
        if (@event is CaseOpened opened)
        {
            c.Kind = opened.Kind.ToString();
            c.Category = opened.Category.ToString();
            c.Channel = opened.Channel.ToString();
            c.OpenedAt = at;
            c.FirstResponseDue = EventTime.Of(opened.FirstResponseDue);
            c.ResolutionDue = EventTime.Of(opened.ResolutionDue);
        }
        var agent = c.AssigneeAgentId ?? (@event.By.Role.IsStaff() ? @event.By.Id : null);
        var targets = Targets(c, agent);
        switch (@event)
        {
            case CaseOpened e:
                deltas.Add(day, targets, Counter.CasesOpened, 1);
                if (e.Kind == CaseKind.Complaint)
                {
                    deltas.Add(day, targets, Counter.Complaints, 1);
                }
                break;
            case CaseAssigned e:
                c.AssigneeAgentId = e.AgentId;
                break;
            case CaseEscalated:
                deltas.Add(day, targets, Counter.Escalations, 1);
                if (!c.Escalated)
                {
                    c.Escalated = true;
                    deltas.Add(day, targets, Counter.EscalatedCases, 1);
                }
                break;
            case RefundIssued e:
                deltas.Add(day, targets, Counter.Remedies, 1);
                deltas.Add(day, targets, Counter.Refunds, 1);
                deltas.AddRefund(day, targets, e.Amount.Currency, e.Amount.Amount);
                break;
            case ExchangeArranged or ServiceAdjusted:
                deltas.Add(day, targets, Counter.Remedies, 1);
                break;
            case CaseResolved when c.FirstResolvedAt is null:
                c.FirstResolvedAt = at;
                deltas.Add(day, targets, Counter.CasesResolved, 1);
                deltas.Add(day, targets, Counter.FcrDenominator, 1);
                if (c.OpenedAt is { } openedAt)
                {
                    deltas.Add(day, targets, Counter.ResolutionSecondsSum, EventTime.Seconds(openedAt, at));
                    deltas.Add(day, targets, Counter.ResolutionCount, 1);
                }
                if (c.ResolutionSla == SlaStatus.Pending && c.ResolutionDue is { } resolutionDue)
                {
                    c.ResolutionSla = at <= resolutionDue ? SlaStatus.Met : SlaStatus.Breached;
                    deltas.Add(day, targets, c.ResolutionSla == SlaStatus.Met ? Counter.ResolutionSlaMet : Counter.ResolutionSlaBreached, 1);
                }
                c.FcrDay = day;
                c.FcrAgentId = agent;
                ReconcileFcr(c);
                break;
            case CaseReopened:
                deltas.Add(day, targets, Counter.Reopens, 1);
                c.ReopenCount++;
                ReconcileFcr(c);
                break;
            case SatisfactionRecorded e:
                if (e.Csat is { } csat)
                {
                    deltas.Add(day, targets, Counter.CsatAnswers, 1);
                    deltas.Add(day, targets, Counter.CsatSum, csat);
                    deltas.Add(day, targets, Counter.CsatSatisfied, csat >= 4 ? 1 : 0);
                }
                if (e.Nps is { } nps)
                {
                    deltas.Add(day, targets, Counter.NpsAnswers, 1);
                    deltas.Add(day, targets, Counter.NpsPromoters, nps >= 9 ? 1 : 0);
                    deltas.Add(day, targets, Counter.NpsDetractors, nps <= 6 ? 1 : 0);
                }
                break;
            case SlaBreached { Kind: SlaKind.FirstResponse } when c.FirstResponseSla == SlaStatus.Pending:
                c.FirstResponseSla = SlaStatus.Breached;
                deltas.Add(day, targets, Counter.FirstResponseSlaBreached, 1);
                break;
            case SlaBreached { Kind: SlaKind.Resolution } when c.ResolutionSla == SlaStatus.Pending:
                c.ResolutionSla = SlaStatus.Breached;
                deltas.Add(day, targets, Counter.ResolutionSlaBreached, 1);
                break;
            default:
                break;
        }
        if (CaseRules.IsResponse(@event) && c.FirstResponseAt is null)
        {
            FirstResponse(c, at, day, targets);
        }
    }

    private void FirstResponse(CaseFacts c, DateTimeOffset at, DateOnly day, IReadOnlyList<(string, string)> targets)
    {
        c.FirstResponseAt = at;
        if (c.OpenedAt is { } openedAt)
        {
            deltas.Add(day, targets, Counter.FirstResponseSecondsSum, EventTime.Seconds(openedAt, at));
            deltas.Add(day, targets, Counter.FirstResponseCount, 1);
        }
        if (c.FirstResponseSla == SlaStatus.Pending && c.FirstResponseDue is { } due)
        {
            c.FirstResponseSla = at <= due ? SlaStatus.Met : SlaStatus.Breached;
            deltas.Add(day, targets, c.FirstResponseSla == SlaStatus.Met ? Counter.FirstResponseSlaMet : Counter.FirstResponseSlaBreached, 1);
        }
    }

    /// <summary>Moves the case into or out of the FCR numerator, on the day and under the agent of its first resolution.</summary>
    private void ReconcileFcr(CaseFacts c)
    {
        if (c.FcrDay is not { } day)
        {
            return;
        }
        var counts = c.Contacts == 1 && c.ReopenCount == 0;
        if (counts != c.FcrCounted)
        {
            c.FcrCounted = counts;
            deltas.Add(day, Targets(c, c.FcrAgentId), Counter.FcrNumerator, counts ? 1 : -1);
        }
    }

    private static List<(string, string)> Targets(CaseFacts c, Guid? agent)
    {
        var targets = new List<(string, string)> { (TrendDimensions.Total, TrendDimensions.All) };
        if (c.Category is { } category)
        {
            targets.Add((TrendDimensions.Category, category));
        }
        if (c.Kind is { } kind)
        {
            targets.Add((TrendDimensions.Kind, kind));
        }
        if (c.Channel is { } channel)
        {
            targets.Add((TrendDimensions.Channel, channel));
        }
        if (agent is { } a)
        {
            targets.Add((TrendDimensions.Agent, Id(a)));
        }
        return targets;
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
