using Crm.Domain.Cases;
using Crm.Domain.Customers;
using Crm.Domain.Queues;
using Crm.EventStore;

namespace Crm.Api.Application;

/// <summary>
/// The stable names every domain event is stored under. A name is a contract with the stored
/// log: it never changes once events were written with it (a renamed CLR type keeps its name; a
/// renamed name is registered with <see cref="EventTypeRegistry.AddRename"/>). The schema version
/// is kept apart from the name, in the store's <c>schema_version</c> column: a change of an
/// event's shape raises the version passed to <see cref="EventTypeRegistry.Register{T}"/> and adds
/// an upcaster from the old one, so a name never needs a version suffix.
/// </summary>
internal static class CrmEventTypes
{
    /// <summary>Every domain event type with its stored name and current schema version, in the order of the domain's catalogue.</summary>
    public static IReadOnlyList<(Type Type, string Name, int SchemaVersion)> All { get; } =
    [
        (typeof(CustomerRegistered), "customer.registered", 1),
        (typeof(ContactDetailsChanged), "customer.contact_details_changed", 1),
        (typeof(PreferencesChanged), "customer.preferences_changed", 1),
        (typeof(ProductRegistered), "customer.product_registered", 1),
        (typeof(SubscriptionChanged), "customer.subscription_changed", 1),
        (typeof(InteractionLogged), "customer.interaction_logged", 1),
        (typeof(OfferPresented), "customer.offer_presented", 1),
        (typeof(OfferAccepted), "customer.offer_accepted", 1),
        (typeof(OfferDeclined), "customer.offer_declined", 1),
        (typeof(CustomerDataErased), "customer.data_erased", 1),

        (typeof(CaseOpened), "case.opened", 1),
        (typeof(CaseAssigned), "case.assigned", 1),
        (typeof(CaseEscalated), "case.escalated", 1),
        (typeof(CaseNoteAdded), "case.note_added", 1),
        (typeof(RefundIssued), "case.refund_issued", 1),
        (typeof(ExchangeArranged), "case.exchange_arranged", 1),
        (typeof(ServiceAdjusted), "case.service_adjusted", 1),
        (typeof(RemedyApprovalRequested), "case.remedy_approval_requested", 1),
        (typeof(RemedyApproved), "case.remedy_approved", 1),
        (typeof(RemedyRejected), "case.remedy_rejected", 1),
        (typeof(CaseResolved), "case.resolved", 1),
        (typeof(CaseReopened), "case.reopened", 1),
        (typeof(FollowUpScheduled), "case.follow_up_scheduled", 1),
        (typeof(FollowUpCompleted), "case.follow_up_completed", 1),
        (typeof(SatisfactionRecorded), "case.satisfaction_recorded", 1),
        (typeof(CaseClosed), "case.closed", 1),
        (typeof(SlaBreached), "case.sla_breached", 1),

        (typeof(ContactAbandoned), "queue.contact_abandoned", 1),
    ];

    /// <summary>A new registry holding every domain event (a store freezes the registry it is given, so each store gets its own).</summary>
    public static EventTypeRegistry CreateRegistry()
    {
        var registry = new EventTypeRegistry();
        foreach (var (type, name, schemaVersion) in All)
        {
            registry.Register(type, name, schemaVersion);
        }
        return registry;
    }
}
