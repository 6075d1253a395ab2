using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Api.Application;

// The inputs of CrmCommands, one per command: the caller's data only. The service adds the
// actor, the time (Now), new ids and the configured policies. Ids a caller may choose (for
// idempotent retries or deterministic seeding) are optional init properties.

/// <summary>Registers a new customer.</summary>
internal sealed record RegisterCustomerInput(
    string Name,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    PostalAddress? Address,
    string Language,
    Segment Segment,
    Channel Channel) : CommandInput
{
    /// <summary>The new customer's id; a new UUIDv7 when null.</summary>
    public Guid? CustomerId { get; init; }
}

/// <summary>Replaces the customer's name, e-mails, phones and address.</summary>
internal sealed record ChangeContactDetailsInput(
    Guid CustomerId,
    string Name,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    PostalAddress? Address) : CommandInput;

/// <summary>Replaces the customer's preferences.</summary>
internal sealed record ChangePreferencesInput(
    Guid CustomerId,
    Channel PreferredChannel,
    string Language,
    bool MarketingConsent,
    ContactHours? ContactHours) : CommandInput;

/// <summary>Records a product or subscription the customer owns.</summary>
internal sealed record RegisterProductInput(
    Guid CustomerId,
    string Sku,
    string Name,
    DateOnly PurchasedOn,
    DateOnly? WarrantyUntil,
    string? Plan) : CommandInput
{
    /// <summary>The product's id; a new UUIDv7 when null.</summary>
    public Guid? ProductId { get; init; }
}

/// <summary>Changes, pauses, resumes, renews or cancels a subscription.</summary>
internal sealed record ChangeSubscriptionInput(
    Guid CustomerId,
    Guid ProductId,
    SubscriptionChangeKind Change,
    string? Plan,
    DateOnly? EffectiveOn) : CommandInput;

/// <summary>Logs one contact with the customer.</summary>
internal sealed record LogInteractionInput(
    Guid CustomerId,
    Channel Channel,
    Direction Direction,
    string? Queue,
    string Topic,
    string Summary,
    DateTimeOffset? StartedAt,
    int TalkSeconds,
    int HoldSeconds,
    int WrapUpSeconds,
    Guid? CaseId) : CommandInput
{
    /// <summary>The agent who handled the contact; the acting user when null.</summary>
    public Guid? AgentId { get; init; }

    /// <summary>The contact's id; a new UUIDv7 when null.</summary>
    public Guid? InteractionId { get; init; }
}

/// <summary>Records a contact that left a queue before reaching an agent.</summary>
internal sealed record RecordAbandonedContactInput(
    string Queue,
    Channel Channel,
    DateTimeOffset EnteredAt,
    int WaitSeconds,
    string? CallerAddress,
    Guid? CustomerId) : CommandInput
{
    /// <summary>The contact's id; a new UUIDv7 when null.</summary>
    public Guid? ContactId { get; init; }
}

/// <summary>Presents an offer to the customer.</summary>
internal sealed record PresentOfferInput(
    Guid CustomerId,
    OfferKind Kind,
    string? ProductSku,
    string Description,
    DateTimeOffset? ValidUntil,
    Guid? CaseId) : CommandInput
{
    /// <summary>The offer's id; a new UUIDv7 when null.</summary>
    public Guid? OfferId { get; init; }
}

/// <summary>Records the customer's answer to an offer.</summary>
internal sealed record RespondToOfferInput(Guid CustomerId, Guid OfferId, bool Accepted, string? Reason) : CommandInput;

/// <summary>Erases the customer's personal data.</summary>
internal sealed record EraseCustomerDataInput(Guid CustomerId, string Reason) : CommandInput;

/// <summary>Opens a case for a customer.</summary>
internal sealed record OpenCaseInput(
    Guid CustomerId,
    CaseKind Kind,
    CaseCategory Category,
    Priority Priority,
    Channel Channel,
    string Subject,
    string Description,
    string Currency) : CommandInput
{
    /// <summary>The case's id; a new UUIDv7 when null.</summary>
    public Guid? CaseId { get; init; }
}

/// <summary>Assigns a case to an agent and/or a team.</summary>
internal sealed record AssignCaseInput(Guid CaseId, Guid? AgentId, string? Team) : CommandInput;

/// <summary>Escalates a case to a tier and/or a department.</summary>
internal sealed record EscalateCaseInput(Guid CaseId, EscalationTier? Tier, Department? Department, string Reason) : CommandInput;

/// <summary>Adds a note to a case.</summary>
internal sealed record AddCaseNoteInput(Guid CaseId, string Text, NoteVisibility Visibility) : CommandInput;

/// <summary>Refunds money on a case, within the actor's authority.</summary>
internal sealed record IssueRefundInput(Guid CaseId, MoneyInput Amount, string Reason) : CommandInput
{
    /// <summary>The remedy's id; a new UUIDv7 when null.</summary>
    public Guid? RemedyId { get; init; }
}

/// <summary>Arranges an exchange on a case, within the actor's authority.</summary>
internal sealed record ArrangeExchangeInput(Guid CaseId, string ReturnedSku, string ReplacementSku, MoneyInput Value, string Reason) : CommandInput
{
    /// <summary>The remedy's id; a new UUIDv7 when null.</summary>
    public Guid? RemedyId { get; init; }
}

/// <summary>Adjusts a service on a case, within the actor's authority.</summary>
internal sealed record AdjustServiceInput(Guid CaseId, string Adjustment, MoneyInput Value, string Reason) : CommandInput
{
    /// <summary>The remedy's id; a new UUIDv7 when null.</summary>
    public Guid? RemedyId { get; init; }
}

/// <summary>Asks someone with a higher limit to approve a remedy above the actor's authority.</summary>
internal sealed record RequestRemedyApprovalInput(
    Guid CaseId,
    RemedyKind Kind,
    MoneyInput Value,
    string Reason,
    string? ReturnedSku,
    string? ReplacementSku,
    string? Adjustment) : CommandInput
{
    /// <summary>The approval request's id; a new UUIDv7 when null.</summary>
    public Guid? RequestId { get; init; }
}

/// <summary>Approves a pending remedy request, which issues the remedy.</summary>
internal sealed record ApproveRemedyInput(Guid CaseId, Guid RequestId) : CommandInput
{
    /// <summary>The issued remedy's id; a new UUIDv7 when null.</summary>
    public Guid? RemedyId { get; init; }
}

/// <summary>Rejects a pending remedy request.</summary>
internal sealed record RejectRemedyInput(Guid CaseId, Guid RequestId, string Reason) : CommandInput;

/// <summary>Resolves a case.</summary>
internal sealed record ResolveCaseInput(Guid CaseId, string Resolution, RootCause RootCause) : CommandInput;

/// <summary>Reopens a resolved case.</summary>
internal sealed record ReopenCaseInput(Guid CaseId, string Reason) : CommandInput;

/// <summary>Schedules a follow-up with the customer.</summary>
internal sealed record ScheduleFollowUpInput(Guid CaseId, DateTimeOffset DueAt, Channel Channel, string? Note) : CommandInput
{
    /// <summary>The follow-up's id; a new UUIDv7 when null.</summary>
    public Guid? FollowUpId { get; init; }
}

/// <summary>Records that a follow-up took place.</summary>
internal sealed record CompleteFollowUpInput(Guid CaseId, Guid FollowUpId, bool CustomerSatisfied, string? Note) : CommandInput;

/// <summary>Records the customer's survey answer for a case.</summary>
internal sealed record RecordSatisfactionInput(Guid CaseId, int? Csat, int? Nps, string? Comment) : CommandInput;

/// <summary>Closes a resolved case.</summary>
internal sealed record CloseCaseInput(Guid CaseId) : CommandInput;
