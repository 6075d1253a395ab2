using System.Text;
using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.EventStore;
using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private static void AddEnums(SchemaBuilder schema)
    {
        Enum(schema, "Channel", "A channel customers and the service reach each other on.",
            (Channel.Phone, "A phone call."),
            (Channel.Email, "An e-mail."),
            (Channel.Chat, "A live chat."),
            (Channel.SocialMedia, "A social media message."),
            (Channel.InPerson, "A visit in person."),
            (Channel.Mail, "A letter."));
        Enum(schema, "Direction", "Who started a contact.",
            (Direction.Inbound, "The customer contacted the service."),
            (Direction.Outbound, "The service contacted the customer."));
        Enum(schema, "Segment", "The customer's segment.",
            (Segment.Consumer, "A private person."),
            (Segment.Business, "A business customer."),
            (Segment.Vip, "A customer with premium service."));
        Enum(schema, "CustomerStatus", "Whether a customer's record is in use.",
            (CustomerStatus.Active, "Registered; changes are recorded."),
            (CustomerStatus.Erased, "The personal data was erased; nothing more is recorded for the customer."));
        Enum(schema, "SubscriptionStatus", "Where a product's subscription stands.",
            (SubscriptionStatus.None, "A one-off purchase, not a subscription."),
            (SubscriptionStatus.Active, "A running subscription."),
            (SubscriptionStatus.Paused, "A paused subscription."),
            (SubscriptionStatus.Cancelled, "A cancelled subscription."));
        Enum(schema, "SubscriptionChange", "A change to a subscription.",
            (SubscriptionChangeKind.PlanChanged, "Moved to another plan (give the plan)."),
            (SubscriptionChangeKind.Paused, "Paused (only an active subscription)."),
            (SubscriptionChangeKind.Resumed, "Resumed (only a paused subscription)."),
            (SubscriptionChangeKind.Renewed, "Renewed for another term."),
            (SubscriptionChangeKind.Cancelled, "Cancelled for good."));
        Enum(schema, "OfferKind", "What an offer is for.",
            (OfferKind.CrossSell, "Another product (needs marketing consent)."),
            (OfferKind.Upsell, "A better version of what the customer has (needs marketing consent)."),
            (OfferKind.Loyalty, "A reward for staying (no consent needed)."),
            (OfferKind.Referral, "A reward for recommending the service (needs marketing consent)."));
        Enum(schema, "OfferStatus", "The customer's answer to an offer.",
            (OfferStatus.Open, "Not answered yet."),
            (OfferStatus.Accepted, "Accepted."),
            (OfferStatus.Declined, "Declined."));
        Enum(schema, "CaseKind", "What kind of case.",
            (CaseKind.Inquiry, "A question."),
            (CaseKind.Complaint, "A complaint; resolved only with a known root cause."),
            (CaseKind.TechnicalIssue, "A technical problem."));
        Enum(schema, "CaseCategory", "What a case is about.",
            (CaseCategory.Billing, "Invoices and charges."),
            (CaseCategory.DefectiveProduct, "A product that does not work."),
            (CaseCategory.ShippingDelay, "A late delivery."),
            (CaseCategory.ProductInformation, "Questions about a product."),
            (CaseCategory.Pricing, "Prices."),
            (CaseCategory.OrderProcessing, "How an order is handled."),
            (CaseCategory.Payment, "Payments."),
            (CaseCategory.Warranty, "Warranty claims."),
            (CaseCategory.WebsiteNavigation, "Finding one's way on the website."),
            (CaseCategory.AccountAccess, "Logging in and account access."),
            (CaseCategory.TechnicalFault, "A technical fault of the service."),
            (CaseCategory.Other, "Anything else."));
        Enum(schema, "Priority", "How urgent a case is; sets its SLA targets.",
            (Priority.Low, "Low."),
            (Priority.Normal, "Normal."),
            (Priority.High, "High."),
            (Priority.Urgent, "Urgent."));
        Enum(schema, "CaseStatus", "Where a case stands.",
            (CaseStatus.Open, "Being worked on (also after a reopening)."),
            (CaseStatus.Resolved, "Resolved; can still be reopened, surveyed or closed."),
            (CaseStatus.Closed, "Closed for good."));
        Enum(schema, "EscalationTier", "The level of staff a case is escalated to.",
            (EscalationTier.Supervisor, "A supervisor."),
            (EscalationTier.Manager, "A manager."));
        Enum(schema, "Department", "A department a case can be escalated to.",
            (Department.Logistics, "Logistics."),
            (Department.Finance, "Finance."),
            (Department.Product, "Product."),
            (Department.Technical, "Technical."),
            (Department.Marketing, "Marketing."));
        Enum(schema, "NoteVisibility", "Who a case note is for.",
            (NoteVisibility.Internal, "Staff only; not a response to the customer."),
            (NoteVisibility.CustomerFacing, "A reply the customer receives; counts as a response."));
        Enum(schema, "RemedyKind", "A kind of remedy.",
            (RemedyKind.Refund, "Money back."),
            (RemedyKind.Exchange, "A replacement product."),
            (RemedyKind.ServiceAdjustment, "A change to the service (credit, upgrade …)."));
        Enum(schema, "RootCause", "Why a case happened, established at its resolution.",
            (RootCause.Unknown, "Not established (not accepted for complaints)."),
            (RootCause.ProductDefect, "A defective product."),
            (RootCause.Logistics, "Shipping or delivery."),
            (RootCause.BillingError, "A billing mistake."),
            (RootCause.PricingError, "A pricing mistake."),
            (RootCause.ProcessFailure, "A process that failed."),
            (RootCause.SystemFault, "A system fault."),
            (RootCause.ThirdParty, "A third party."),
            (RootCause.CustomerError, "The customer's own mistake."),
            (RootCause.NoFault, "Nobody's fault."));
        Enum(schema, "SlaKind", "One of a case's two SLA clocks.",
            (SlaKind.FirstResponse, "Time from opening to the first response."),
            (SlaKind.Resolution, "Time from opening to the first resolution."));
        Enum(schema, "SlaStatus", "Where an SLA clock stands.",
            (SlaStatus.Pending, "Neither met nor breached yet."),
            (SlaStatus.Met, "Met: it happened by its due time."),
            (SlaStatus.Breached, "Breached: it was due and had not happened."));
        Enum(schema, "ApprovalStatus", "Where a remedy approval request stands.",
            (ApprovalStatus.Pending, "Waiting for a decision."),
            (ApprovalStatus.Approved, "Approved; the remedy was issued."),
            (ApprovalStatus.Rejected, "Rejected."));
        Enum(schema, "Role", "The role an actor acts in.",
            (ActorRole.Agent, "A customer service agent (remedies up to the agent limit)."),
            (ActorRole.Supervisor, "A supervisor (higher limit; approves agents' remedies)."),
            (ActorRole.Manager, "A manager (unlimited by default; may read the audit queries)."),
            (ActorRole.Auditor, "An auditor: reads everything, including the audit queries; never writes."),
            (ActorRole.Service, "Another team's service: reads; never writes."),
            (ActorRole.System, "The service's own automation."));
        Enum(schema, "TimeGrain", "The length of the periods a trend is summed over.",
            (TrendGrain.Day, "UTC calendar days."),
            (TrendGrain.Week, "ISO weeks, Monday to Sunday."),
            (TrendGrain.Month, "Calendar months."));
        Enum(schema, "TrendDimension", "What trend counters are broken down by.",
            (TrendDimension.Total, "No breakdown: one value, all."),
            (TrendDimension.Category, "The case category (contacts count when linked to a case)."),
            (TrendDimension.Channel, "The channel of the contact, or the one the case came through."),
            (TrendDimension.Kind, "The case kind (contacts count when linked to a case)."),
            (TrendDimension.Queue, "The contact queue (contacts only)."),
            (TrendDimension.Agent, "The agent (value: the agent's UUID)."));
        Enum(schema, "IntegrityViolationKind", "What is wrong with a stream.",
            (IntegrityViolationKind.HashMismatch, "An event's stored hash differs from the one recomputed from its content and its predecessor: it was changed."),
            (IntegrityViolationKind.VersionGap, "A version is missing: an event was deleted or moved."),
            (IntegrityViolationKind.Missing, "Events the stream's record counts are missing, or events have no stream record."),
            (IntegrityViolationKind.StreamRecordMismatch, "The stream's record disagrees with its events, e.g. an event was added behind the store's back."));
        schema.Enum("TimelineEntryKind", e =>
        {
            e.Description("What a timeline entry records: the name of the event behind it.");
            foreach (var (type, name, _) in CrmEventTypes.All)
            {
                e.Value(SchemaBuilder.EnumValueName(type.Name), type.Name, $"{Sentence(type.Name)} (stored as {name}).");
            }
        });
    }

    private static void Enum<T>(SchemaBuilder schema, string name, string description, params (T Value, string Description)[] values)
        where T : struct, Enum =>
        schema.Enum(name, e =>
        {
            e.Description(description);
            foreach (var (value, text) in values)
            {
                e.Value(SchemaBuilder.EnumValueName(value.ToString()), value, text);
            }
        });

    /// <summary><c>CaseOpened</c> → <c>Case opened</c>.</summary>
    private static string Sentence(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
