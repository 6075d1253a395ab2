using Crm.Domain.Common;

namespace Crm.Domain.Cases;

/// <summary>What the customer came with.</summary>
public enum CaseKind
{
    /// <summary>A question.</summary>
    Inquiry,

    /// <summary>A complaint; resolving it needs a known root cause.</summary>
    Complaint,

    /// <summary>Something does not work.</summary>
    TechnicalIssue,
}

/// <summary>What a case is about.</summary>
public enum CaseCategory
{
    /// <summary>Invoices and charges.</summary>
    Billing,

    /// <summary>A product that does not work as it should.</summary>
    DefectiveProduct,

    /// <summary>A late delivery.</summary>
    ShippingDelay,

    /// <summary>Questions about products.</summary>
    ProductInformation,

    /// <summary>Prices and discounts.</summary>
    Pricing,

    /// <summary>Placing, changing or cancelling orders.</summary>
    OrderProcessing,

    /// <summary>Payments and payment methods.</summary>
    Payment,

    /// <summary>Warranty claims.</summary>
    Warranty,

    /// <summary>Finding one's way on the website.</summary>
    WebsiteNavigation,

    /// <summary>Logging in and account access.</summary>
    AccountAccess,

    /// <summary>A fault of a system or service.</summary>
    TechnicalFault,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>How urgent a case is; it selects the SLA target.</summary>
public enum Priority
{
    /// <summary>Can wait.</summary>
    Low,

    /// <summary>The usual.</summary>
    Normal,

    /// <summary>Needs attention soon.</summary>
    High,

    /// <summary>Needs attention now.</summary>
    Urgent,
}

/// <summary>Where a case stands.</summary>
public enum CaseStatus
{
    /// <summary>Not opened.</summary>
    None,

    /// <summary>Being worked on.</summary>
    Open,

    /// <summary>Resolved; can still be reopened, surveyed and followed up, then closed.</summary>
    Resolved,

    /// <summary>Closed for good; only a late survey answer is still recorded.</summary>
    Closed,
}

/// <summary>The level a case is escalated to.</summary>
public enum EscalationTier
{
    /// <summary>A supervisor takes the case.</summary>
    Supervisor = 1,

    /// <summary>A manager takes the case.</summary>
    Manager = 2,
}

/// <summary>A department a case can be escalated to.</summary>
public enum Department
{
    /// <summary>Shipping and returns.</summary>
    Logistics,

    /// <summary>Payments, refunds and invoices.</summary>
    Finance,

    /// <summary>Product management and quality.</summary>
    Product,

    /// <summary>Engineering and IT.</summary>
    Technical,

    /// <summary>Campaigns, offers and communication.</summary>
    Marketing,
}

/// <summary>Who a case note is for.</summary>
public enum NoteVisibility
{
    /// <summary>Staff only.</summary>
    Internal,

    /// <summary>A reply sent to the customer; the first one is the case's first response.</summary>
    CustomerFacing,
}

/// <summary>The three remedies.</summary>
public enum RemedyKind
{
    /// <summary>Money back.</summary>
    Refund,

    /// <summary>A replacement product.</summary>
    Exchange,

    /// <summary>A credit or change to a service (free month, upgraded plan, waived fee).</summary>
    ServiceAdjustment,
}

/// <summary>Why the problem behind a case happened.</summary>
public enum RootCause
{
    /// <summary>Not established.</summary>
    Unknown,

    /// <summary>The product was faulty.</summary>
    ProductDefect,

    /// <summary>The carrier or warehouse failed.</summary>
    Logistics,

    /// <summary>A wrong invoice or charge.</summary>
    BillingError,

    /// <summary>A wrong price or discount.</summary>
    PricingError,

    /// <summary>A process or policy did not work.</summary>
    ProcessFailure,

    /// <summary>A system failed.</summary>
    SystemFault,

    /// <summary>A partner or supplier failed.</summary>
    ThirdParty,

    /// <summary>The customer misunderstood or misused something.</summary>
    CustomerError,

    /// <summary>Nothing went wrong; the customer needed information.</summary>
    NoFault,
}

/// <summary>The two SLA clocks of a case.</summary>
public enum SlaKind
{
    /// <summary>Time to the first response.</summary>
    FirstResponse,

    /// <summary>Time to the first resolution.</summary>
    Resolution,
}

/// <summary>Where a remedy approval request stands.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for a decision.</summary>
    Pending,

    /// <summary>Approved; the remedy was issued.</summary>
    Approved,

    /// <summary>Rejected.</summary>
    Rejected,
}

/// <summary>
/// A remedy as proposed for approval. <see cref="ReturnedSku"/> and <see cref="ReplacementSku"/>
/// belong to exchanges, <see cref="Adjustment"/> to service adjustments; they are null otherwise.
/// </summary>
/// <param name="Kind">Which remedy.</param>
/// <param name="Value">The amount refunded, or the value of the replacement or adjustment.</param>
/// <param name="Reason">Why the remedy is granted.</param>
/// <param name="ReturnedSku">The SKU the customer returns (exchange).</param>
/// <param name="ReplacementSku">The SKU the customer receives (exchange).</param>
/// <param name="Adjustment">What is adjusted (service adjustment).</param>
public sealed record RemedyProposal(
    RemedyKind Kind,
    Money Value,
    string Reason,
    string? ReturnedSku = null,
    string? ReplacementSku = null,
    string? Adjustment = null)
{
    /// <summary>A refund of <paramref name="amount"/>.</summary>
    public static RemedyProposal Refund(Money amount, string reason) => new(RemedyKind.Refund, amount, reason);

    /// <summary>An exchange of <paramref name="returnedSku"/> for <paramref name="replacementSku"/> worth <paramref name="value"/>.</summary>
    public static RemedyProposal Exchange(string returnedSku, string replacementSku, Money value, string reason) =>
        new(RemedyKind.Exchange, value, reason, returnedSku, replacementSku);

    /// <summary>A service adjustment worth <paramref name="value"/>.</summary>
    public static RemedyProposal ServiceAdjustment(string adjustment, Money value, string reason) =>
        new(RemedyKind.ServiceAdjustment, value, reason, Adjustment: adjustment);
}

/// <summary>Who a case is assigned to: an agent, a team, or an agent within a team.</summary>
/// <param name="AgentId">The agent, if any.</param>
/// <param name="Team">The team, if any.</param>
public sealed record Assignee(Guid? AgentId, string? Team);

/// <summary>One escalation of a case.</summary>
/// <param name="Tier">The tier escalated to, if any.</param>
/// <param name="Department">The department escalated to, if any.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
/// <param name="By">Who escalated.</param>
public sealed record Escalation(EscalationTier? Tier, Department? Department, string Reason, DateTimeOffset At, Guid By);

/// <summary>A remedy issued on a case.</summary>
/// <param name="Id">The remedy's id.</param>
/// <param name="Kind">Which remedy.</param>
/// <param name="Value">Its amount or value.</param>
/// <param name="At">When it was issued.</param>
/// <param name="By">Who issued it (the approver, when approved).</param>
/// <param name="ApprovalRequestId">The approval request it came from, if any.</param>
public sealed record IssuedRemedy(Guid Id, RemedyKind Kind, Money Value, DateTimeOffset At, Guid By, Guid? ApprovalRequestId);

/// <summary>A request to approve a remedy above the requester's authority.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Remedy">The remedy proposed.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="Status">Pending, approved or rejected.</param>
/// <param name="DecidedBy">Who decided, once decided.</param>
/// <param name="DecidedAt">When it was decided.</param>
/// <param name="RemedyId">The remedy issued on approval.</param>
public sealed record ApprovalRequest(
    Guid Id,
    RemedyProposal Remedy,
    Actor RequestedBy,
    DateTimeOffset RequestedAt,
    ApprovalStatus Status,
    Actor? DecidedBy,
    DateTimeOffset? DecidedAt,
    Guid? RemedyId);

/// <summary>A follow-up with the customer.</summary>
/// <param name="Id">The follow-up's id.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="Channel">How the customer is to be contacted.</param>
/// <param name="CompletedAt">When it was done, once done.</param>
/// <param name="CustomerSatisfied">Whether the customer was satisfied, once done.</param>
public sealed record FollowUp(Guid Id, DateTimeOffset DueAt, Channel Channel, DateTimeOffset? CompletedAt, bool? CustomerSatisfied)
{
    /// <summary>Whether it was done.</summary>
    public bool IsCompleted => CompletedAt is not null;
}

/// <summary>The customer's survey answer.</summary>
/// <param name="Csat">1–5, if asked.</param>
/// <param name="Nps">0–10, if asked.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record Satisfaction(int? Csat, int? Nps, DateTimeOffset RecordedAt);
