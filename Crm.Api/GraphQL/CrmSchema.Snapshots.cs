using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.GraphQL.Types;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private static void AddSnapshotTypes(SchemaBuilder schema)
    {
        schema.Type("CustomerSnapshot", t => t
            .Description("A customer as it was after a given event, folded from the customer's events.")
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("id", "ID!", "The customer's global id.", s => GlobalIds.Encode(NodeKind.Customer, s.State.Id))
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("customerId", "UUID!", "The customer's UUID.", s => s.State.Id)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("version", "Int!", "The version of the last event folded in.", s => s.Version)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("status", "CustomerStatus!", "Active or erased.", s => s.State.Status)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("name", "String", "The name (null once erased).", s => s.State.Name)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("emails", "[String!]!", "E-mail addresses.", s => s.State.Emails)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("phones", "[String!]!", "Phone numbers.", s => s.State.Phones)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("address", "PostalAddress", "Postal address.", s => s.State.Address)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("segment", "Segment!", "The segment.", s => s.State.Segment)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("acquiredThrough", "Channel!", "The channel the customer came through.", s => s.State.AcquiredThrough)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("registeredAt", "DateTime", "When the customer was registered.", s => s.State.RegisteredAt)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("preferences", "Preferences", "How the customer wanted to be served.", s => s.State.Preferences)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("products", "[Product!]!", "Products and subscriptions.",
                s => s.State.Products.Values.OrderBy(p => p.PurchasedOn).ThenBy(p => p.Id).ToArray())
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("offers", "[Offer!]!", "Offers presented and their answers, oldest first.",
                s => s.State.Offers.Values.OrderBy(o => o.PresentedAt).ThenBy(o => o.Id).ToArray())
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("contactCount", "Int!", "Contacts logged.", s => s.State.Interactions.Count)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("lastContactAt", "DateTime", "When the latest contact started.", s => s.State.LastContactAt)
            .Computed<ObjectTypeBuilder, CustomerSnapshot>("erasedAt", "DateTime", "When the personal data was erased.", s => s.State.ErasedAt));
        schema.Type("Offer", t => t
            .Description("An offer presented to a customer.")
            .Prop("id", "UUID!", "The offer's id.")
            .Prop("kind", "OfferKind!", "What it is for.")
            .Prop("presentedAt", "DateTime!", "When it was presented.")
            .Prop("validUntil", "DateTime", "When it expires.")
            .Prop("status", "OfferStatus!", "Open, accepted or declined."));
        schema.Type("CaseSnapshot", t => t
            .Description("A case as it was after a given event, folded from the case's events.")
            .Computed<ObjectTypeBuilder, CaseSnapshot>("id", "ID!", "The case's global id.", s => GlobalIds.Encode(NodeKind.Case, s.State.Id))
            .Computed<ObjectTypeBuilder, CaseSnapshot>("caseId", "UUID!", "The case's UUID.", s => s.State.Id)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("version", "Int!", "The version of the last event folded in.", s => s.Version)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("customer", "Customer!", "The customer (as they are now).", s => new CustomerNode(s.State.CustomerId))
            .Computed<ObjectTypeBuilder, CaseSnapshot>("status", "CaseStatus!", "Open, resolved or closed.", s => s.State.Status)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("kind", "CaseKind!", "Inquiry, complaint or technical issue.", s => s.State.Kind)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("category", "CaseCategory!", "What it was about.", s => s.State.Category)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("priority", "Priority!", "How urgent it was.", s => s.State.Priority)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("channel", "Channel!", "The channel it came through.", s => s.State.Channel)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("currency", "String!", "The currency of its remedies.", s => s.State.Currency)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("openedAt", "DateTime!", "When it was opened.", s => s.State.OpenedAt)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("openedById", "UUID!", "Who opened it.", s => s.State.OpenedBy)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("assignee", "Assignment", "Who it was assigned to.", s => Assignment(s.State.Assignee))
            .Computed<ObjectTypeBuilder, CaseSnapshot>("escalationTier", "EscalationTier", "The highest tier it was escalated to.", s => s.State.Tier)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("escalationDepartment", "Department", "The department it was last escalated to.", s => s.State.Department)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("escalations", "[SnapshotEscalation!]!", "Its escalations, oldest first.", s => s.State.Escalations)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("remedies", "[SnapshotRemedy!]!", "Its remedies, oldest first.",
                s => s.State.Remedies.Values.OrderBy(r => r.At).ThenBy(r => r.Id).ToArray())
            .Computed<ObjectTypeBuilder, CaseSnapshot>("remedyTotal", "Money!", "The total value of its remedies.", s => new Money(s.State.RemedyTotal, s.State.Currency))
            .Computed<ObjectTypeBuilder, CaseSnapshot>("approvalRequests", "[ApprovalRequest!]!", "Its remedy approval requests, oldest first.",
                s => s.State.Approvals.Values.OrderBy(a => a.RequestedAt).ThenBy(a => a.Id).ToArray())
            .Computed<ObjectTypeBuilder, CaseSnapshot>("noteCount", "Int!", "How many notes it had.", s => s.State.NoteCount)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("firstResponseDue", "DateTime!", "When the first response was due.", s => s.State.FirstResponseDue)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("resolutionDue", "DateTime!", "When the resolution was due.", s => s.State.ResolutionDue)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("firstResponseAt", "DateTime", "When the customer first got a response.", s => s.State.FirstResponseAt)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("firstResponseBreached", "Boolean!", "Whether a first-response breach was recorded.", s => s.State.FirstResponseBreached)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("resolutionBreached", "Boolean!", "Whether a resolution breach was recorded.", s => s.State.ResolutionBreached)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("firstResolvedAt", "DateTime", "When it was first resolved.", s => s.State.FirstResolvedAt)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("resolvedAt", "DateTime", "When it was resolved (null while open).", s => s.State.ResolvedAt)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("rootCause", "RootCause", "The root cause of the latest resolution.", s => s.State.RootCause)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("reopenCount", "Int!", "How often it was reopened.", s => s.State.ReopenCount)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("closedAt", "DateTime", "When it was closed.", s => s.State.ClosedAt)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("satisfaction", "Satisfaction", "The survey answer, if any.", s => s.State.Satisfaction)
            .Computed<ObjectTypeBuilder, CaseSnapshot>("followUps", "[FollowUp!]!", "Follow-ups, by due time.",
                s => s.State.FollowUps.Values.OrderBy(f => f.DueAt).ThenBy(f => f.Id).ToArray()));
        schema.Type("SnapshotEscalation", t => t
            .Description("An escalation as the case's events record it.")
            .Prop("at", "DateTime!", "When.")
            .Prop("tier", "EscalationTier", "The tier escalated to, if any.")
            .Prop("department", "Department", "The department escalated to, if any.")
            .Prop("reason", "String!", "Why.")
            .Computed<ObjectTypeBuilder, Escalation>("byId", "UUID!", "Who escalated.", e => e.By));
        schema.Type("SnapshotRemedy", t => t
            .Description("A remedy as the case's events record it.")
            .Prop("id", "UUID!", "The remedy's id.")
            .Prop("kind", "RemedyKind!", "Refund, exchange or service adjustment.")
            .Prop("value", "Money!", "The amount or value.")
            .Prop("at", "DateTime!", "When it was issued.")
            .Computed<ObjectTypeBuilder, IssuedRemedy>("byId", "UUID!", "Who issued it.", r => r.By)
            .Prop("approvalRequestId", "UUID", "The approval request it was issued by, if any."));
        schema.Type("Satisfaction", t => t
            .Description("A survey answer.")
            .Prop("csat", "Int", "CSAT, 1–5.")
            .Prop("nps", "Int", "NPS, 0–10.")
            .Prop("recordedAt", "DateTime!", "When it was answered."));
        schema.Type("FollowUp", t => t
            .Description("A follow-up with the customer.")
            .Prop("id", "UUID!", "The follow-up's id; pass it to completeFollowUp.")
            .Prop("dueAt", "DateTime!", "When it is due.")
            .Prop("channel", "Channel!", "How the customer is to be contacted.")
            .Prop("completedAt", "DateTime", "When it took place.")
            .Prop("customerSatisfied", "Boolean", "Whether the customer was satisfied then."));
    }

    /// <summary>A customer's state folded up to a version.</summary>
    private sealed record CustomerSnapshot(CustomerState State, long Version);

    /// <summary>A case's state folded up to a version.</summary>
    private sealed record CaseSnapshot(CaseState State, long Version);
}
