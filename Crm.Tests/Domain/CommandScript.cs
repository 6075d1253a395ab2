using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;
using Crm.Domain.Queues;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Tests.Domain;

/// <summary>One random step of a script: which command, and small numbers that pick its arguments.</summary>
internal sealed record Step(int Operation, int Pick, int Role, int Amount, int AdvanceMinutes);

/// <summary>
/// Turns random steps into plausible commands for one customer, one case and one queue: ids come
/// from small pools and amounts from a handful of values around the authority limits, so both
/// accepted and refused commands are frequent.
/// </summary>
internal sealed class CommandScript
{
    public const int Operations = 28;

    private static readonly Actor[] Pool = [Actors.Agent, Actors.OtherAgent, Actors.Supervisor, Actors.OtherSupervisor, Actors.Manager, Actors.Auditor, Actors.System];
    private static readonly decimal[] Amounts = [10m, 40m, 60m, 200m, 450m, 800m, 0m, -5m];
    private static readonly Guid[] Ids = [.. Enumerable.Range(1, 4).Select(i => new Guid($"0195f000-0000-7000-8000-0000000070{i:00}"))];
    private static readonly string[] Plans = ["Basic", "Plus", "Premium"];

    private DateTimeOffset _now = Times.T0;

    public static Gen<Step> Steps =>
        from operation in Gen.Choose(0, Operations - 1)
        from pick in Gen.Choose(0, 11)
        from role in Gen.Choose(0, Pool.Length - 1)
        from amount in Gen.Choose(0, Amounts.Length - 1)
        from advance in Gen.Frequency((6, Gen.Choose(0, 30)), (2, Gen.Choose(30, 600)), (1, Gen.Choose(600, 3000)))
        select new Step(operation, pick, role, amount, advance);

    public static Gen<List<Step>> Scripts => Gen.ListOf(Steps).Select(s => s.ToList());

    /// <summary>Scripts with a shrinker, so a failing script is cut down to the steps that matter.</summary>
    public static Arbitrary<List<Step>> Arbitrary => Arb.From(Scripts, Shrink);

    private static IEnumerable<List<Step>> Shrink(List<Step> steps)
    {
        if (steps.Count > 1)
        {
            yield return steps[..(steps.Count / 2)];
            yield return steps[(steps.Count / 2)..];
        }
        for (var i = 0; i < steps.Count; i++)
        {
            yield return [.. steps[..i], .. steps[(i + 1)..]];
        }
    }

    /// <summary>The commands that set the scene: register the customer and open the case.</summary>
    public static IEnumerable<object> Prologue()
    {
        yield return new RegisterCustomer(CustomerHistory.Id, "Jane Doe", ["jane@example.com"], [], null, "en", Segment.Consumer, Channel.Phone, Actors.Agent, Times.T0);
        yield return new OpenCase(
            CaseHistory.Id, CustomerHistory.Id, CaseKind.Complaint, CaseCategory.Billing, Priority.High, Channel.Email, "Double charge", "Charged twice",
            "EUR", SlaPolicy.Default, Actors.Agent, Times.T0);
    }

    /// <summary>The command for <paramref name="step"/>: a <see cref="CustomerCommand"/>, <see cref="CaseCommand"/> or <see cref="QueueCommand"/>.</summary>
    public object Next(Step step, CaseState @case)
    {
        _now = _now.AddMinutes(step.AdvanceMinutes);
        var actor = Pool[step.Role];
        var id = Ids[step.Pick % Ids.Length];
        var other = Ids[(step.Pick + 1) % Ids.Length];
        var money = new Money(Amounts[step.Amount], step.Pick == 11 ? "USD" : "EUR");
        var caseId = CaseHistory.Id;
        var customerId = CustomerHistory.Id;
        var authority = AuthorityPolicy.Default;
        return step.Operation switch
        {
            0 => new OpenCase(caseId, customerId, (CaseKind)(step.Pick % 3), (CaseCategory)step.Pick, (Priority)(step.Pick % 4), (Channel)(step.Pick % 6), "s", "d", "EUR", SlaPolicy.Default, actor, _now),
            1 => new AssignCase(caseId, step.Pick % 3 == 0 ? null : actor.Id, step.Pick % 2 == 0 ? "Billing" : null, actor, _now),
            2 => new EscalateCase(caseId, step.Pick % 3 == 0 ? null : (EscalationTier)(1 + step.Pick % 2), step.Pick % 2 == 0 ? (Department)(step.Pick % 5) : null, "why", actor, _now),
            3 => new AddCaseNote(caseId, step.Pick == 0 ? " " : "note", (NoteVisibility)(step.Pick % 2), actor, _now),
            4 => new IssueRefund(caseId, id, money, "goodwill", authority, actor, _now),
            5 => new ArrangeExchange(caseId, id, "OLD", step.Pick == 0 ? "" : "NEW", money, "broken", authority, actor, _now),
            6 => new AdjustService(caseId, id, "free month", money, "outage", authority, actor, _now),
            7 => new RequestRemedyApproval(caseId, id, Proposal(step.Pick, money), authority, actor, _now),
            8 => new ApproveRemedy(caseId, id, other, authority, actor, _now),
            9 => new RejectRemedy(caseId, id, step.Pick == 0 ? "" : "no", authority, actor, _now),
            10 => new ResolveCase(caseId, "done", (RootCause)(step.Pick % 10), actor, _now),
            11 => new ReopenCase(caseId, "again", actor, _now),
            12 => new ScheduleFollowUp(caseId, id, _now.AddMinutes(step.Pick * 60 - 60), Channel.Phone, null, actor, _now),
            13 => new CompleteFollowUp(caseId, id, step.Pick % 2 == 0, null, actor, _now),
            14 => new RecordSatisfaction(caseId, step.Pick % 7 == 6 ? null : step.Pick % 7, step.Pick - 1, "ok", actor, _now),
            15 => new CloseCase(caseId, actor, _now),
            16 => new CheckSla(caseId, actor, _now),
            17 => new RegisterCustomer(customerId, "Jane Doe", ["jane@example.com"], [], null, "en", Segment.Consumer, Channel.Phone, actor, _now),
            18 => new ChangeContactDetails(customerId, step.Pick % 2 == 0 ? "Jane Doe" : "Jane Roe", step.Pick == 1 ? ["bad"] : ["jane@example.com"], [], null, actor, _now),
            19 => new ChangePreferences(customerId, (Channel)(step.Pick % 6), "en", step.Pick % 3 != 0, null, actor, _now),
            20 => new RegisterProduct(customerId, id, "SKU", "Thing", new DateOnly(2025, 1, 1), null, step.Pick % 2 == 0 ? Plans[step.Pick % 3] : null, actor, _now),
            21 => new ChangeSubscription(customerId, id, (SubscriptionChangeKind)(step.Pick % 5), Plans[step.Pick % 3], new DateOnly(2025, 3, 3), actor, _now),
            22 => new LogInteraction(customerId, id, (Channel)(step.Pick % 6), (Direction)(step.Pick % 2), "Support", actor.Id, "topic", "summary",
                _now.AddMinutes(-5), step.Pick * 30 - 30, step.Pick % 4 * 10, 30, @case.Exists ? caseId : null, actor, _now),
            23 => new PresentOffer(customerId, id, (OfferKind)(step.Pick % 4), null, "offer", step.Pick % 3 == 0 ? _now.AddHours(step.Pick) : null, null, actor, _now),
            24 => new AcceptOffer(customerId, id, actor, _now),
            25 => new DeclineOffer(customerId, id, "no", actor, _now),
            // Erasure ends the customer's history, so most attempts are made to fail (blank reason).
            26 => new EraseCustomerData(customerId, step.Pick == 11 ? "request" : "", actor, _now),
            _ => new RecordAbandonedContact(step.Pick % 5 == 0 ? "Sales" : "Support", id, (Channel)(step.Pick % 6), _now.AddSeconds(-step.Pick * 20), step.Pick * 20 - 20, null, null, actor, _now),
        };
    }

    private static RemedyProposal Proposal(int pick, Money value) => (pick % 3) switch
    {
        0 => RemedyProposal.Refund(value, "refund"),
        1 => RemedyProposal.Exchange("OLD", "NEW", value, "exchange"),
        _ => RemedyProposal.ServiceAdjustment("credit", value, "adjust"),
    };
}
