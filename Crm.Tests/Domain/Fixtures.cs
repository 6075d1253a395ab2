using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;

namespace Crm.Tests.Domain;

internal static class Actors
{
    public static readonly Actor Agent = new(new Guid("0195f000-0000-7000-8000-00000000a001"), "Ada Agent", ActorRole.Agent);
    public static readonly Actor OtherAgent = new(new Guid("0195f000-0000-7000-8000-00000000a002"), "Otto Agent", ActorRole.Agent);
    public static readonly Actor Supervisor = new(new Guid("0195f000-0000-7000-8000-00000000b001"), "Sue Supervisor", ActorRole.Supervisor);
    public static readonly Actor OtherSupervisor = new(new Guid("0195f000-0000-7000-8000-00000000b002"), "Sam Supervisor", ActorRole.Supervisor);
    public static readonly Actor Manager = new(new Guid("0195f000-0000-7000-8000-00000000c001"), "Max Manager", ActorRole.Manager);
    public static readonly Actor Auditor = new(new Guid("0195f000-0000-7000-8000-00000000d001"), "Aude Auditor", ActorRole.Auditor);
    public static readonly Actor Service = new(new Guid("0195f000-0000-7000-8000-00000000e001"), "logistics-service", ActorRole.Service);
    public static readonly Actor System = new(new Guid("0195f000-0000-7000-8000-00000000f001"), "sla-clock", ActorRole.System);
}

internal static class Times
{
    /// <summary>A Monday morning, UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Minutes(double minutes) => T0.AddMinutes(minutes);

    public static DateTimeOffset Hours(double hours) => T0.AddHours(hours);

    public static DateTimeOffset Days(double days) => T0.AddDays(days);
}

internal static class CustomerHistory
{
    public static readonly Guid Id = new("0195f000-0000-7000-8000-000000001001");
    public static readonly Guid ProductId = new("0195f000-0000-7000-8000-000000001101");
    public static readonly Guid SubscriptionId = new("0195f000-0000-7000-8000-000000001102");
    public static readonly Guid OfferId = new("0195f000-0000-7000-8000-000000001201");
    public static readonly Guid InteractionId = new("0195f000-0000-7000-8000-000000001301");
    public static readonly PostalAddress Address = new("1 High Street", null, "SW1A 1AA", "London", null, "GB");

    public static CustomerRegistered Registered() => new(
        Id, Times.T0, Actors.Agent, "Jane Doe", ["jane@example.com"], ["+44 20 7946 0958"], Address, "en-GB", Segment.Consumer, Channel.Phone);

    public static PreferencesChanged ConsentGiven() => new(Id, Times.Minutes(1), Actors.Agent, Channel.Email, "en-GB", true, null);

    public static ProductRegistered Product() => new(
        Id, Times.Minutes(2), Actors.Agent, ProductId, "KETTLE-2000", "Kettle 2000", new DateOnly(2025, 1, 10), new DateOnly(2027, 1, 10), null);

    public static ProductRegistered Subscription(string plan = "Basic") => new(
        Id, Times.Minutes(2), Actors.Agent, SubscriptionId, "STREAM", "Streaming", new DateOnly(2025, 1, 1), null, plan);

    public static SubscriptionChanged SubscriptionChange(SubscriptionChangeKind change, string? previous = "Basic", string? plan = "Basic") => new(
        Id, Times.Minutes(3), Actors.Agent, SubscriptionId, change, previous, plan, new DateOnly(2025, 3, 3));

    public static OfferPresented Offer(OfferKind kind = OfferKind.Upsell, DateTimeOffset? validUntil = null) => new(
        Id, Times.Minutes(5), Actors.Agent, OfferId, kind, "STREAM-PREMIUM", "Premium for 3 months at the Basic price", validUntil, null);

    public static CustomerDataErased Erased() => new(Id, Times.Hours(1), Actors.Supervisor, "Erasure request #4711");
}

internal static class CaseHistory
{
    public static readonly Guid Id = new("0195f000-0000-7000-8000-000000002001");
    public static readonly Guid CustomerId = CustomerHistory.Id;
    public static readonly Guid RemedyId = new("0195f000-0000-7000-8000-000000002101");
    public static readonly Guid OtherRemedyId = new("0195f000-0000-7000-8000-000000002102");
    public static readonly Guid RequestId = new("0195f000-0000-7000-8000-000000002201");
    public static readonly Guid FollowUpId = new("0195f000-0000-7000-8000-000000002301");

    public static Money Eur(decimal amount) => new(amount, "EUR");

    /// <summary>A complaint by e-mail, normal priority: first response due after 8 h, resolution after 3 days.</summary>
    public static CaseOpened Opened(CaseKind kind = CaseKind.Complaint, Channel channel = Channel.Email, Priority priority = Priority.Normal)
    {
        var target = SlaPolicy.Default.For(priority);
        return new CaseOpened(
            Id, CustomerId, Times.T0, Actors.Agent, kind, CaseCategory.DefectiveProduct, priority, channel,
            "Kettle leaks", "The kettle I bought in January leaks from the bottom.", "EUR", Times.T0 + target.FirstResponse, Times.T0 + target.Resolution);
    }

    public static CaseNoteAdded Reply(DateTimeOffset at) => new(Id, CustomerId, at, Actors.Agent, "We are sorry; a replacement is on its way.", NoteVisibility.CustomerFacing);

    public static RefundIssued Refund(decimal amount, Actor? by = null, Guid? remedyId = null, DateTimeOffset? at = null) =>
        new(Id, CustomerId, at ?? Times.Hours(1), by ?? Actors.Agent, remedyId ?? RemedyId, Eur(amount), "Goodwill", null);

    public static RemedyApprovalRequested ApprovalRequested(decimal amount, Actor? by = null, Guid? requestId = null) =>
        new(Id, CustomerId, Times.Hours(1), by ?? Actors.Agent, requestId ?? RequestId, RemedyProposal.Refund(Eur(amount), "Kettle damaged the worktop"));

    public static RemedyApproved Approved(Actor? by = null) => new(Id, CustomerId, Times.Hours(2), by ?? Actors.Supervisor, RequestId, RemedyId);

    public static RemedyRejected Rejected(Actor? by = null) => new(Id, CustomerId, Times.Hours(2), by ?? Actors.Supervisor, RequestId, "Not covered");

    public static CaseResolved Resolved(DateTimeOffset? at = null) =>
        new(Id, CustomerId, at ?? Times.Hours(3), Actors.Agent, "Replacement sent", RootCause.ProductDefect);

    public static CaseReopened Reopened(DateTimeOffset? at = null) => new(Id, CustomerId, at ?? Times.Hours(4), Actors.Agent, "Replacement leaks too");

    public static FollowUpScheduled FollowUpScheduled(DateTimeOffset? due = null) =>
        new(Id, CustomerId, Times.Hours(3), Actors.Agent, FollowUpId, due ?? Times.Days(2), Channel.Phone, "Check the replacement works");

    public static FollowUpCompleted FollowUpCompleted(bool satisfied = true) =>
        new(Id, CustomerId, Times.Days(2), Actors.Agent, FollowUpId, satisfied, "Works fine");

    public static SatisfactionRecorded Satisfaction(int? csat = 5, int? nps = 9) =>
        new(Id, CustomerId, Times.Hours(5), Actors.Agent, csat, nps, "Quick and friendly");

    public static CaseClosed Closed(DateTimeOffset? at = null) => new(Id, CustomerId, at ?? Times.Hours(6), Actors.Agent);
}
