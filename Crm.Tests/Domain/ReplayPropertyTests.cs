using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;
using Crm.Domain.Queues;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Crm.Tests.Domain;

/// <summary>
/// Any sequence of commands: the accepted ones yield a state that folding Evolve over their events
/// from the initial state rebuilds identically; refused ones emit nothing and change nothing; and
/// the rules hold over the whole history.
/// </summary>
public sealed class ReplayPropertyTests
{
    [Property(MaxTest = 200)]
    public Property AcceptedCommands_RebuildTheSameStateFromTheirEvents() =>
        Prop.ForAll(CommandScript.Arbitrary, steps =>
        {
            var run = Run(steps);

            Assert.Equal(run.Customer, CustomerDecider.Replay(run.CustomerEvents));
            Assert.Equal(run.Case, CaseDecider.Replay(run.CaseEvents));
            Assert.Equal(run.Queue, QueueDecider.Replay(run.QueueEvents));
            Assert.Equal(run.Case.GetHashCode(), CaseDecider.Replay(run.CaseEvents).GetHashCode());
            Assert.Equal(run.Customer.GetHashCode(), CustomerDecider.Replay(run.CustomerEvents).GetHashCode());
        });

    [Property(MaxTest = 200)]
    public Property TheRulesHoldOverEveryHistory() =>
        Prop.ForAll(CommandScript.Arbitrary, steps =>
        {
            var run = Run(steps);

            CaseRulesHold(run.CaseEvents, run.Case);
            CustomerRulesHold(run.CustomerEvents);
            Assert.All(run.QueueEvents, e => Assert.NotEqual(ActorRole.Auditor, e.By.Role));
        });

    [Fact]
    public void TheScripts_ReachEveryEventTypeAndEveryRefusalKind()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var refusals = new HashSet<string>(StringComparer.Ordinal);
        // A fixed seed: this checks the generator's reach, so it must not depend on luck.
        foreach (var steps in CommandScript.Scripts.Sample(60, new Rnd(20250303UL), 400))
        {
            var run = Run(steps);
            seen.UnionWith(run.CustomerEvents.Select(e => e.GetType().Name));
            seen.UnionWith(run.CaseEvents.Select(e => e.GetType().Name));
            seen.UnionWith(run.QueueEvents.Select(e => e.GetType().Name));
            refusals.UnionWith(run.Refusals);
        }

        var eventTypes = typeof(CaseEvent).Assembly.GetTypes().Where(t => t.IsSealed && (t.IsSubclassOf(typeof(CaseEvent)) || t.IsSubclassOf(typeof(CustomerEvent)) || t.IsSubclassOf(typeof(QueueEvent))));
        Assert.All(eventTypes, t => Assert.Contains(t.Name, seen));
        Assert.Contains(DomainErrors.AuthForbidden, refusals);
        Assert.Contains(DomainErrors.RemedyOverAuthority, refusals);
        Assert.Contains(DomainErrors.SatisfactionCsatOutOfRange, refusals);
        Assert.Contains(DomainErrors.CaseClosed, refusals);
    }

    private sealed record RunResult(
        CustomerState Customer,
        CaseState Case,
        QueueState Queue,
        List<CustomerEvent> CustomerEvents,
        List<CaseEvent> CaseEvents,
        List<QueueEvent> QueueEvents,
        List<string> Refusals);

    private static RunResult Run(IEnumerable<Step> steps)
    {
        var script = new CommandScript();
        var run = new RunResult(CustomerDecider.Initial, CaseDecider.Initial, QueueDecider.Initial, [], [], [], []);
        foreach (var command in CommandScript.Prologue())
        {
            run = Apply(run, command);
        }
        foreach (var step in steps)
        {
            run = Apply(run, script.Next(step, run.Case));
        }
        return run;
    }

    private static RunResult Apply(RunResult run, object command)
    {
        switch (command)
        {
            case CustomerCommand c:
                var customerDecision = Decided(CustomerDecider.Decide(c, run.Customer), CustomerDecider.Decide(c, run.Customer), run);
                run.CustomerEvents.AddRange(customerDecision.Events);
                return run with { Customer = customerDecision.Events.Aggregate(run.Customer, CustomerDecider.Evolve) };
            case CaseCommand c:
                var caseDecision = Decided(CaseDecider.Decide(c, run.Case), CaseDecider.Decide(c, run.Case), run);
                run.CaseEvents.AddRange(caseDecision.Events);
                return run with { Case = caseDecision.Events.Aggregate(run.Case, CaseDecider.Evolve) };
            case QueueCommand c:
                var queueDecision = Decided(QueueDecider.Decide(c, run.Queue), QueueDecider.Decide(c, run.Queue), run);
                run.QueueEvents.AddRange(queueDecision.Events);
                return run with { Queue = queueDecision.Events.Aggregate(run.Queue, QueueDecider.Evolve) };
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command.");
        }
    }

    /// <summary>Decisions are deterministic, and a refusal carries an error from the catalog and no events.</summary>
    private static Decision<TEvent> Decided<TEvent>(Decision<TEvent> decision, Decision<TEvent> again, RunResult run)
        where TEvent : class
    {
        Assert.Equal(decision, again);
        if (!decision.IsAccepted)
        {
            Assert.Empty(decision.Events);
            Assert.True(DomainErrors.Catalog.ContainsKey(decision.Error!.Code), decision.Error.Code);
            run.Refusals.Add(decision.Error.Code);
        }
        return decision;
    }

    private static void CaseRulesHold(List<CaseEvent> events, CaseState final)
    {
        var state = CaseDecider.Initial;
        var closed = false;
        foreach (var (e, index) in events.Select((e, i) => (e, i)))
        {
            Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
            Assert.True(e.By.Role.IsStaff() || (e.By.Role == ActorRole.System && e is SlaBreached), $"{e.By.Role} wrote {e.GetType().Name}");
            Assert.False(closed && e is not SatisfactionRecorded, $"{e.GetType().Name} after CaseClosed");
            switch (e)
            {
                case RefundIssued or ExchangeArranged or ServiceAdjusted:
                    var (value, approval) = e switch
                    {
                        RefundIssued r => (r.Amount, r.ApprovalRequestId),
                        ExchangeArranged x => (x.Value, x.ApprovalRequestId),
                        ServiceAdjusted s => (s.Value, s.ApprovalRequestId),
                        _ => throw new InvalidOperationException(),
                    };
                    Assert.True(value.Amount > 0);
                    Assert.Equal(state.Currency, value.Currency);
                    Assert.True(AuthorityPolicy.Default.Covers(e.By.Role, state.RemedyTotal + value.Amount), "A remedy exceeded its issuer's authority");
                    if (approval is { } requestId)
                    {
                        Assert.IsType<RemedyApproved>(events[index - 1]);
                        Assert.NotEqual(state.Approvals[requestId].RequestedBy.Id, e.By.Id);
                    }
                    break;
                case RemedyApproved approved:
                    Assert.Equal(approved.RemedyId, events[index + 1] switch
                    {
                        RefundIssued r => r.RemedyId,
                        ExchangeArranged x => x.RemedyId,
                        ServiceAdjusted s => s.RemedyId,
                        _ => Guid.Empty,
                    });
                    break;
                case SatisfactionRecorded s:
                    Assert.Null(state.Satisfaction);
                    Assert.NotEqual(CaseStatus.Open, state.Status);
                    Assert.True(s.Csat is null or (>= 1 and <= 5));
                    Assert.True(s.Nps is null or (>= 0 and <= 10));
                    break;
                case CaseClosed:
                    Assert.Equal(CaseStatus.Resolved, state.Status);
                    Assert.False(state.HasPendingApproval);
                    Assert.False(state.HasOpenFollowUp);
                    closed = true;
                    break;
                case CaseReopened:
                    Assert.Equal(CaseStatus.Resolved, state.Status);
                    break;
                default:
                    break;
            }
            state = CaseDecider.Evolve(state, e);
        }
        Assert.True(events.OfType<SlaBreached>().CountBy(b => b.Kind).All(c => c.Value == 1), "An SLA clock was breached twice");
        Assert.Equal(events.OfType<CaseReopened>().Count(), final.ReopenCount);
    }

    private static void CustomerRulesHold(List<CustomerEvent> events)
    {
        var erasedAt = events.FindIndex(e => e is CustomerDataErased);
        Assert.True(erasedAt < 0 || erasedAt == events.Count - 1, "Something was recorded for an erased customer");
        Assert.All(events, e => Assert.True(e.By.Role.IsStaff(), $"{e.By.Role} wrote {e.GetType().Name}"));
        Assert.Equal(events.OfType<InteractionLogged>().Count(), events.OfType<InteractionLogged>().Select(e => e.InteractionId).Distinct().Count());
        Assert.All(events.OfType<InteractionLogged>(), e => Assert.True(e.TalkSeconds >= 0 && e.HoldSeconds >= 0 && e.WrapUpSeconds >= 0));
    }
}
